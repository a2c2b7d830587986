import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An attack on the request threads, and what a bystander sees meanwhile: 200 connections send a
 * webhook body (Content-Length 100000, a wrong signature, no credentials) and 200 a body to
 * PUT /api/v1/tenant/config (a tenant's token), each one byte every 2 seconds; a connection the
 * service closes is opened again at once, so 400 trickle for the whole run. One bystander calls
 * GET /api/v1/auth/verify every 100 ms. Prints the bystander's latencies and what the trickling
 * connections were answered, and how long the service took to close them.
 *
 * <p>java -cp bootstrap/target/tenant-config.jar bench/SlowClients.java API_URL HMAC_SECRET [seconds] [per-path]
 */
public class SlowClients {

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[0]);
        String secret = args[1];
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int perPath = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        String attacker = token(secret, "slow-attacker", "slow-tenant");
        String bystander = token(secret, "bystander", "bystander-tenant");

        List<Trickle> trickling = new ArrayList<>();
        for (int i = 0; i < perPath; i++) {
            trickling.add(new Trickle(api, "POST", "/api/v1/webhooks/whatsapp", null, 100_000));
            trickling.add(new Trickle(api, "PUT", "/api/v1/tenant/config", attacker, 10_000));
        }
        trickling.forEach(Trickle::open);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest verify = HttpRequest.newBuilder(api.resolve("/api/v1/auth/verify"))
                .header("Authorization", "Bearer " + bystander)
                .timeout(Duration.ofSeconds(10))
                .build();
        List<Long> millis = new ArrayList<>();
        int failed = 0;
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long nextByte = System.nanoTime();
        while (System.nanoTime() < end) {
            if (System.nanoTime() >= nextByte) {
                trickling.forEach(Trickle::oneByteOrReopen);
                nextByte += Duration.ofSeconds(2).toNanos();
            }
            long started = System.nanoTime();
            try {
                HttpResponse<Void> answer = http.send(verify, HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() != 200) {
                    failed++;
                }
            } catch (IOException e) {
                failed++;
            }
            millis.add((System.nanoTime() - started) / 1_000_000);
            Thread.sleep(100);
        }
        trickling.forEach(Trickle::close);

        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "bystander GET /auth/verify: %d requests, %d failed; p50 %d ms, p99 %d ms, max %d ms%n",
                sorted.length, failed, at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1]);
        long[] closeMillis = Trickle.CLOSED_AFTER_MILLIS.stream()
                .mapToLong(Long::longValue)
                .sorted()
                .toArray();
        System.out.printf(
                "trickling connections: %d opened, %d closed by the service (answers: %s); closed after p50 %d ms,"
                        + " max %d ms%n",
                Trickle.OPENED.get(),
                closeMillis.length,
                Trickle.ANSWERS,
                closeMillis.length == 0 ? 0 : at(closeMillis, 0.50),
                closeMillis.length == 0 ? 0 : closeMillis[closeMillis.length - 1]);
        boolean held = sorted.length > 0 && sorted[sorted.length - 1] < 1000 && failed == 0 && closeMillis.length > 0;
        System.out.println(held ? "HELD: every /auth/verify answered within 1 s" : "NOT HELD");
        System.exit(held ? 0 : 1);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static String token(String secret, String subject, String tenant) {
        return Jwts.builder()
                .subject(subject)
                .claim("tenant_id", tenant)
                .expiration(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .signWith(Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256)
                .compact();
    }

    /** One connection sending a body a byte at a time; opened again when the service closes it. */
    private static final class Trickle {
        static final AtomicInteger OPENED = new AtomicInteger();
        static final List<Long> CLOSED_AFTER_MILLIS = new java.util.concurrent.CopyOnWriteArrayList<>();
        static final Map<String, AtomicInteger> ANSWERS = new ConcurrentHashMap<>();

        private final URI api;
        private final String head;
        private Socket socket;
        private long openedAt;

        Trickle(URI api, String method, String path, String token, int length) {
            this.api = api;
            this.head = method + " " + path + " HTTP/1.1\r\nHost: " + api.getHost() + "\r\nContent-Type: application/json\r\n"
                    + (token == null ? "X-Hub-Signature-256: sha256=00\r\n" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Length: " + length + "\r\n\r\n{";
        }

        void open() {
            try {
                socket = new Socket();
                socket.connect(new InetSocketAddress(api.getHost(), api.getPort()), 5_000);
                socket.setTcpNoDelay(true);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                openedAt = System.nanoTime();
                OPENED.incrementAndGet();
            } catch (IOException e) {
                socket = null;
            }
        }

        void oneByteOrReopen() {
            if (socket == null || closedByService()) {
                open();
                return;
            }
            try {
                socket.getOutputStream().write(' ');
                socket.getOutputStream().flush();
            } catch (IOException e) {
                closedByService();
                open();
            }
        }

        /** True (and counted) when the service answered and closed the connection. */
        private boolean closedByService() {
            try {
                InputStream in = socket.getInputStream();
                if (in.available() == 0) {
                    socket.setSoTimeout(1);
                    try {
                        int b = in.read();
                        if (b < 0) {
                            return counted("closed without an answer");
                        }
                        return counted(statusOf((char) b + new String(in.readNBytes(in.available()), StandardCharsets.ISO_8859_1)));
                    } catch (java.net.SocketTimeoutException stillOpen) {
                        return false;
                    }
                }
                return counted(statusOf(new String(in.readNBytes(in.available()), StandardCharsets.ISO_8859_1)));
            } catch (IOException e) {
                return counted("reset");
            }
        }

        private boolean counted(String answer) {
            CLOSED_AFTER_MILLIS.add((System.nanoTime() - openedAt) / 1_000_000);
            ANSWERS.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing what the service closed
            }
            socket = null;
            return true;
        }

        private static String statusOf(String answer) {
            String[] words = answer.split(" ", 3);
            return words.length > 1 && words[0].startsWith("HTTP/") ? words[1] : "other";
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the run is over
                }
            }
        }
    }
}
