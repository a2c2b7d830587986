import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Do events keep up with Meta's messages? A receiver on this machine that answers every POST
 * 50 ms late, as one across a network does, counts each whatsapp.change by its message id; an
 * intake sends signed WhatsApp message bodies to the app-level webhook URL at a fixed rate, each
 * a new message for one of the tenants' numbers. For each message: the time from the service's
 * 200 (Meta's acknowledgement) to its arrival at the receiver. Prints p50, p99 and the largest
 * during the intake, and how long after the intake ended the last acknowledged message arrived.
 *
 * <p>java -cp bootstrap/target/tenant-config.jar bench/EventDelivery.java API HMAC_SECRET
 *   APP_SECRET RECEIVER_PORT EVENTS_SECRET TENANTS RATE SECONDS
 */
public class EventDelivery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RECEIVER_DELAY_MILLIS = 50;
    private static final int CONNECTIONS = 32;

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[0]);
        String hmac = args[1];
        String appSecret = args[2];
        int receiverPort = Integer.parseInt(args[3]);
        String eventsSecret = args[4];
        int tenants = Integer.parseInt(args[5]);
        int rate = Integer.parseInt(args[6]);
        int seconds = Integer.parseInt(args[7]);
        int warmUpSeconds = args.length > 8 ? Integer.parseInt(args[8]) : 0;
        String run = Long.toHexString(System.nanoTime());

        Map<String, Long> ackedAt = new ConcurrentHashMap<>();
        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        AtomicInteger posts = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger badSignatures = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", receiverPort), 1024);
        receiver.setExecutor(Executors.newFixedThreadPool(256));
        receiver.createContext("/events", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long now = System.nanoTime();
            posts.incrementAndGet();
            if (!("sha256=" + sign(body, eventsSecret)).equals(exchange.getRequestHeaders().getFirst("X-Signature-256"))) {
                badSignatures.incrementAndGet();
            }
            JsonNode root = JSON.readTree(body);
            for (JsonNode event : root.has("events") ? root.get("events") : JSON.createArrayNode().add(root)) {
                JsonNode messages = event.path("data").path("value").path("messages");
                if (messages.isArray() && messages.size() == 1) {
                    if (arrivedAt.putIfAbsent(messages.get(0).path("id").asText(), now) != null) {
                        duplicates.incrementAndGet();
                    }
                }
            }
            sleep(RECEIVER_DELAY_MILLIS);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<String> numbers = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            String waba = Long.toString(900_000_000_000L + t);
            String number = Long.toString(800_000_000_000L + t);
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(api.resolve("/api/v1/tenant/config"))
                            .header("Authorization", "Bearer " + token(hmac, "bench-tenant-" + t))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"waba_id\":\"" + waba + "\",\"phone_number_id\":\"" + number + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("creating a tenant: " + created.statusCode() + " " + created.body());
            }
            numbers.add(waba + "/" + number);
        }

        // Warm-up (the JIT on two cores needs load before the figures mean anything): the same
        // intake, not counted; then the run that is measured.
        if (warmUpSeconds > 0) {
            intake(api, appSecret, numbers, rate, warmUpSeconds, run + "-warm-up", new ConcurrentHashMap<>(),
                    new AtomicInteger(), new ConcurrentHashMap<>());
            sleep(3000);
            arrivedAt.clear();
            posts.set(0);
            duplicates.set(0);
        }
        AtomicInteger refused = new AtomicInteger();
        Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        intake(api, appSecret, numbers, rate, seconds, run, ackedAt, refused, refusals);
        long sendingEnded = System.nanoTime();
        // Every acknowledged message at the receiver, or 60 s.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline
                && (ackedAt.size() + refused.get() < total || !arrivedAt.keySet().containsAll(ackedAt.keySet()))) {
            sleep(20);
        }
        // The intake ends with the last acknowledgement: what Meta was told is stored.
        long intakeEnded = ackedAt.values().stream().mapToLong(Long::longValue).max().orElse(sendingEnded);
        long lastArrival = 0;
        List<Long> lags = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<String, Long> acked : ackedAt.entrySet()) {
            Long arrived = arrivedAt.get(acked.getKey());
            if (arrived == null) {
                missing++;
                continue;
            }
            lastArrival = Math.max(lastArrival, arrived);
            if (acked.getValue() <= intakeEnded) {
                lags.add(Math.max(0, arrived - acked.getValue()) / 1_000_000);
            }
        }
        receiver.stop(0);
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        double drainedAfter = missing > 0 ? Double.NaN : Math.max(0, lastArrival - intakeEnded) / 1e9;
        System.out.printf(
                "%d tenants, %d messages/s for %d s: %d acknowledged, %d refused, %d never arrived, %d arrived twice;"
                        + " %d requests to the receiver (%.1f events each, %d badly signed)%n",
                tenants,
                rate,
                seconds,
                ackedAt.size(),
                refused.get(),
                missing,
                duplicates.get(),
                posts.get(),
                posts.get() == 0 ? 0.0 : (double) arrivedAt.size() / posts.get(),
                badSignatures.get());
        System.out.printf(
                "intake: %.0f acknowledged a second (the last acknowledgement %.2f s after the last body was sent);"
                        + " acknowledgement to receiver: p50 %d ms, p99 %d ms, max %d ms;"
                        + " the last message arrived %.2f s after the last acknowledgement%n",
                ackedAt.size() / ((intakeEnded - start) / 1e9),
                Math.max(0, intakeEnded - sendingEnded) / 1e9,
                at(sorted, 0.50),
                at(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                drainedAfter);
        if (!refusals.isEmpty()) {
            System.out.println("refused at the intake: " + refusals);
        }
        double ackedPerSecond = ackedAt.size() / ((intakeEnded - start) / 1e9);
        boolean met = missing == 0
                && refused.get() == 0
                && badSignatures.get() == 0
                && ackedPerSecond >= 0.95 * rate
                && at(sorted, 0.99) < 2000
                && drainedAfter < 5.0;
        System.out.println(
                met ? "MET: the intake at its rate, p99 under 2 s, drained within 5 s" : "NOT MET");
        System.exit(met ? 0 : 1);
    }

    /**
     * `rate` bodies a second for `seconds` seconds, over CONNECTIONS kept-alive connections, each
     * sending its share on its own schedule and reading each answer (plain sockets: the load must
     * leave the two cores to the service).
     */
    private static void intake(
            URI api,
            String appSecret,
            List<String> numbers,
            int rate,
            int seconds,
            String run,
            Map<String, Long> ackedAt,
            AtomicInteger refused,
            Map<String, AtomicInteger> refusals)
            throws InterruptedException {
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int connection = c;
            Thread sender = new Thread(() -> {
                try (Socket socket = new Socket(api.getHost(), api.getPort())) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = new BufferedOutputStream(socket.getOutputStream());
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    for (long n = connection; n < total; n += CONNECTIONS) {
                        long due = start + n * 1_000_000_000L / rate;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        String[] account = numbers.get((int) (n % numbers.size())).split("/");
                        String id = "wamid.bench-" + run + "-" + n;
                        byte[] body = body(account[0], account[1], id);
                        out.write(("POST /api/v1/webhooks/whatsapp HTTP/1.1\r\nHost: " + api.getHost()
                                        + "\r\nContent-Type: application/json\r\nX-Hub-Signature-256: sha256="
                                        + sign(body, appSecret) + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.write(body);
                        out.flush();
                        int status = readAnswer(in);
                        if (status == 200) {
                            ackedAt.put(id, System.nanoTime());
                        } else {
                            refused.incrementAndGet();
                            refusals.computeIfAbsent("HTTP " + status, w -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    refusals.computeIfAbsent(e.getClass().getSimpleName(), w -> new AtomicInteger()).incrementAndGet();
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
    }

    /** The status of one answer, its body read and dropped (the connection stays open for the next). */
    private static int readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the service closed the connection");
            }
            head.append((char) b);
        }
        String text = head.toString();
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(text.substring(9, 12));
    }

    private static long at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static byte[] body(String waba, String number, String id) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + waba + "\",\"changes\":[{"
                        + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                        + "\"display_phone_number\":\"15550100000\",\"phone_number_id\":\"" + number + "\"},"
                        + "\"contacts\":[{\"profile\":{\"name\":\"Bench\"},\"wa_id\":\"5511999999999\"}],"
                        + "\"messages\":[{\"from\":\"5511999999999\",\"id\":\"" + id + "\",\"timestamp\":\""
                        + Instant.now().getEpochSecond() + "\",\"type\":\"text\",\"text\":{\"body\":\"hello\"}}]}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String secret, String tenant) {
        return Jwts.builder()
                .subject("bench")
                .claim("tenant_id", tenant)
                .expiration(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .signWith(Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256)
                .compact();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
