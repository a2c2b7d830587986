package io.tenantconfig.bootstrap.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import io.tenantconfig.adapters.rest.RestApi;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The {@code requestBodies} section: how request bodies are read before a request thread takes
 * them (docs/operations.md, "Slow clients"). A body must arrive at {@code minimumRate} on average
 * and within {@code readTimeout}; one source address may be sending at most
 * {@code webhookUploadsPerAddress} bodies at once to Meta's public webhook paths.
 *
 * <p>Dropwizard's own {@code minRequestDataPerSecond} connector setting does nothing on Jetty 12
 * (Jetty keeps the value and never reads it), hence this section.
 */
public class RequestBodiesFactory {

    @NotNull
    @MinDataSize(1)
    @MaxDataSize(value = 1, unit = DataSizeUnit.MEBIBYTES)
    private DataSize minimumRate = DataSize.kibibytes(1);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration readTimeout = Duration.seconds(20);

    @Min(1)
    @Max(10_000)
    private int webhookUploadsPerAddress = 16;

    @JsonProperty
    public DataSize getMinimumRate() {
        return minimumRate;
    }

    /** Bytes a second, on average from the start of the body's read; slower is answered 408. */
    @JsonProperty
    public void setMinimumRate(DataSize minimumRate) {
        this.minimumRate = minimumRate;
    }

    @JsonProperty
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /** The longest a whole body may take to arrive; longer is answered 408. */
    @JsonProperty
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    @JsonProperty
    public int getWebhookUploadsPerAddress() {
        return webhookUploadsPerAddress;
    }

    /** Bodies one source address may be sending to /api/v1/webhooks/ at once; more are answered 429. */
    @JsonProperty
    public void setWebhookUploadsPerAddress(int webhookUploadsPerAddress) {
        this.webhookUploadsPerAddress = webhookUploadsPerAddress;
    }

    /** Puts the body reader in front of everything the server handles (both ports), as the server starts. */
    public void install(Environment environment) {
        BodyFirstHandler.Limits limits = new BodyFirstHandler.Limits(
                minimumRate.toBytes(), readTimeout.toMilliseconds(), webhookUploadsPerAddress);
        ObjectMapper json = environment.getObjectMapper();
        BodyFirstHandler.Problems problems = (status, detail) -> {
            try {
                return json.writeValueAsBytes(RestApi.problem(status, detail));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a problem cannot be written as JSON", e);
            }
        };
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setHandler(new BodyFirstHandler(server.getHandler(), limits, problems));
                }
            }
        });
    }
}
