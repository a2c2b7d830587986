import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks GET /api/v1/tenant/config/resolved once for each of the tenants bench/SeedTenants.java
 * stored (bench-000001 ...), each with a token of its own signed with dev.yml's development
 * secret, 32 at a time: afterwards the instance's ConfigLoader holds every one of them. Exits
 * with 1 if any answer is not a 200 of a tenant with a configuration.
 *
 * <p>java -cp bootstrap/target/tenant-config.jar bench/ResolveAll.java API_URL HMAC_SECRET COUNT
 */
public class ResolveAll {

    public static void main(String[] args) throws Exception {
        String api = args[0];
        var key = Keys.hmacShaKeyFor(args[1].getBytes(StandardCharsets.UTF_8));
        int count = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        ExecutorService callers = Executors.newFixedThreadPool(32);
        AtomicInteger failed = new AtomicInteger();
        long started = System.nanoTime();
        for (int n = 1; n <= count; n++) {
            String tenant = String.format("bench-%06d", n);
            callers.execute(() -> {
                String token = Jwts.builder()
                        .subject("bench")
                        .claim("tenant_id", tenant)
                        .expiration(Date.from(Instant.now().plus(Duration.ofHours(1))))
                        .signWith(key, Jwts.SIG.HS256)
                        .compact();
                try {
                    HttpResponse<String> answer = http.send(
                            HttpRequest.newBuilder(URI.create(api + "/api/v1/tenant/config/resolved"))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200 || !answer.body().contains("\"has_tenant_config\":true")
                            && !tenant.endsWith("0")) {
                        if (failed.incrementAndGet() == 1) {
                            System.err.println(tenant + ": " + answer.statusCode() + " " + answer.body());
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            });
        }
        callers.shutdown();
        callers.awaitTermination(1, TimeUnit.HOURS);
        System.out.printf("%d tenants resolved in %.1f s, %d failed%n", count, (System.nanoTime() - started) / 1e9, failed.get());
        System.exit(failed.get() == 0 ? 0 : 1);
    }
}
