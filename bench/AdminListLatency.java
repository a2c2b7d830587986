import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency of the admin list and statistics, one request at a time as an admin's page makes them:
 * first a warm-up round of 50 requests of every case (so that the first case measured does not pay
 * for compiling what all of them share), then for each case 50 more to warm up and 200 measured;
 * prints p50, p95 and the largest, and exits with 1 if any answer is not a 200.
 *
 * <p>java -cp bootstrap/target/tenant-config.jar bench/AdminListLatency.java API_URL HMAC_SECRET
 */
public class AdminListLatency {

    public static void main(String[] args) throws Exception {
        String api = args[0] + "/api/v1/tenant/admin/configs";
        String token = Jwts.builder()
                .subject("bench-admin")
                .claim("roles", List.of("admin"))
                .expiration(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .signWith(Keys.hmacShaKeyFor(args[1].getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256)
                .compact();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("first page (limit=100)", "/all?limit=100");
        cases.put("deep page, after=99800", "/all?limit=100&after=99800");
        cases.put("deep page, skip=99000 (earlier paging)", "/all?limit=100&skip=99000");
        cases.put("is_active=false", "/all?limit=100&is_active=false");
        cases.put("is_active=false, deep (after=90000)", "/all?limit=100&is_active=false&after=90000");
        cases.put("onboarding_status=COMPLETED, after=50000", "/all?limit=100&onboarding_status=COMPLETED&after=50000");
        cases.put("onboarding_status=NOT_STARTED (none)", "/all?limit=100&onboarding_status=NOT_STARTED");
        cases.put("q=bench-0999 (prefix)", "/all?limit=100&q=bench-0999");
        cases.put("phone_number_id", "/all?phone_number_id=106540000050000");
        cases.put("waba_id", "/all?waba_id=102290000050000");
        cases.put("updated_since (all match)", "/all?limit=100&updated_since=2000-01-01T00:00:00Z");
        cases.put("stats", "/stats");
        HttpClient http = HttpClient.newHttpClient();
        boolean failed = false;
        System.out.printf("%-45s %9s %9s %9s%n", "case", "p50 ms", "p95 ms", "max ms");
        for (String path : cases.values()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(api + path))
                    .header("Authorization", "Bearer " + token)
                    .build();
            for (int i = 0; i < 50; i++) {
                failed |= http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200;
            }
        }
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(api + c.getValue()))
                    .header("Authorization", "Bearer " + token)
                    .build();
            for (int i = 0; i < 50; i++) {
                failed |= http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200;
            }
            double[] millis = new double[200];
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                millis[i] = (System.nanoTime() - start) / 1e6;
                failed |= answer.statusCode() != 200;
            }
            Arrays.sort(millis);
            System.out.printf(
                    "%-45s %9.2f %9.2f %9.2f%n",
                    c.getKey(), millis[99], millis[189], millis[199]);
        }
        System.exit(failed ? 1 : 0);
    }
}
