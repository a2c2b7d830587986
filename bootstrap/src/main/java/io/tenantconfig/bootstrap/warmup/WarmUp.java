package io.tenantconfig.bootstrap.warmup;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A freshly started JVM serves a few thousand requests a second until its JIT compiler has
 * compiled the hot paths, which on two cores takes a minute of traffic. So before the instance
 * reports ready, it sends itself the requests that matter most (token verification, a tenant's
 * configuration) for a while, from a few clients at once, through its own
 * port: Jetty, Jersey, the filters, the resources and Jackson get compiled before any user waits
 * on them. (Not the loader's endpoint: its answers are counted in the statistics.) Its health check ({@code warm-up}) is unhealthy until then, so a load balancer that
 * follows {@code /healthcheck} sends traffic only afterwards.
 *
 * <p>The requests carry a header with a value only this process knows, so the request log leaves
 * them out ({@link #isWarmUp}); a client cannot hide its own requests with it.
 */
public final class WarmUp extends HealthCheck implements ServerLifecycleListener {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    public static final String HEADER = "X-Tenant-Config-Warm-Up";
    private static final String MARKER = UUID.randomUUID().toString();

    private final Duration duration;
    private final int clients;
    private final Optional<String> token;
    private final AtomicLong requests = new AtomicLong();
    private volatile String state = "not started";
    private volatile boolean done;

    /** @param token a token this service accepts, if it can mint one (HMAC): without it, the refusal path is warmed only */
    public WarmUp(Duration duration, int clients, Optional<String> token) {
        this.duration = duration;
        this.clients = clients;
        this.token = token;
        this.done = duration.isZero();
    }

    /** Whether a request is one of this process's own warm-up requests. */
    public static boolean isWarmUp(String header) {
        return MARKER.equals(header);
    }

    @Override
    public void serverStarted(Server server) {
        if (done) {
            return;
        }
        int port = getLocalPort(server);
        Thread thread = new Thread(() -> run(port), "tenant-config-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(int port) {
        state = "warming up for " + duration.toSeconds() + " s";
        long started = System.nanoTime();
        long until = started + duration.toNanos();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<HttpRequest> hottest =
                List.of(request(port, "/api/v1/auth/verify"), request(port, "/api/v1/tenant/config"));
        ExecutorService senders = Executors.newFixedThreadPool(clients, runnable -> {
            Thread sender = new Thread(runnable, "tenant-config-warm-up-client");
            sender.setDaemon(true);
            return sender;
        });
        for (int i = 0; i < clients; i++) {
            int first = i;
            senders.execute(() -> {
                for (int n = first; System.nanoTime() < until; n++) {
                    try {
                        http.send(hottest.get(n % hottest.size()), HttpResponse.BodyHandlers.discarding());
                        requests.incrementAndGet();
                    } catch (Exception e) {
                        if (e instanceof InterruptedException) {
                            Thread.currentThread().interrupt();
                        }
                        return;
                    }
                }
            });
        }
        senders.shutdown();
        try {
            senders.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = "warmed up with " + requests.get() + " requests in "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s";
        done = true;
        LOG.info("Ready: {}", state);
    }

    private HttpRequest request(int port, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .header(HEADER, MARKER);
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        return request.build();
    }

    @Override
    protected Result check() {
        return done ? Result.healthy(state) : Result.unhealthy(state);
    }
}
