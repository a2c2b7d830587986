package io.tenantconfig.bootstrap.credentials;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.tenantconfig.adapters.persistence.PostgresAdapters;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code credentials} section: where fallback credentials come from, and how the in-memory
 * cache of tenant configurations is bounded.
 */
public class CredentialsFactory {

    @NotEmpty
    private String dotenvFile = "./.env";

    @Min(0)
    @Max(10_000_000)
    private long cacheMaximumSize = 10_000;

    /** Tenants whose credentials the loader keeps in memory: set it above the number of tenants. */
    @Min(0)
    @Max(10_000_000)
    private long loaderMaximumSize = 200_000;

    @NotNull
    private Duration cacheExpireAfterWrite = Duration.seconds(60);

    @NotNull
    private Duration listenerReconnectDelay = Duration.seconds(1);

    /** How long the loader answers from memory, marked stale, while the database cannot be reached. */
    @NotNull
    private Duration maximumStaleness = Duration.minutes(15);

    /** How the in-memory copy of the configurations is bounded and kept current. */
    public PostgresAdapters.CacheSettings cache() {
        return new PostgresAdapters.CacheSettings(
                cacheMaximumSize,
                loaderMaximumSize,
                cacheExpireAfterWrite.toJavaDuration(),
                listenerReconnectDelay.toJavaDuration(),
                maximumStaleness.toJavaDuration());
    }

    @JsonProperty
    public String getDotenvFile() {
        return dotenvFile;
    }

    @JsonProperty
    public void setDotenvFile(String dotenvFile) {
        this.dotenvFile = dotenvFile;
    }

    @JsonProperty
    public long getCacheMaximumSize() {
        return cacheMaximumSize;
    }

    @JsonProperty
    public void setCacheMaximumSize(long cacheMaximumSize) {
        this.cacheMaximumSize = cacheMaximumSize;
    }

    @JsonProperty
    public Duration getCacheExpireAfterWrite() {
        return cacheExpireAfterWrite;
    }

    @JsonProperty
    public void setCacheExpireAfterWrite(Duration cacheExpireAfterWrite) {
        this.cacheExpireAfterWrite = cacheExpireAfterWrite;
    }

    @JsonProperty
    public Duration getListenerReconnectDelay() {
        return listenerReconnectDelay;
    }

    @JsonProperty
    public void setListenerReconnectDelay(Duration listenerReconnectDelay) {
        this.listenerReconnectDelay = listenerReconnectDelay;
    }

    @JsonProperty
    public Duration getMaximumStaleness() {
        return maximumStaleness;
    }

    @JsonProperty
    public void setMaximumStaleness(Duration maximumStaleness) {
        this.maximumStaleness = maximumStaleness;
    }

    @JsonProperty
    public long getLoaderMaximumSize() {
        return loaderMaximumSize;
    }

    @JsonProperty
    public void setLoaderMaximumSize(long loaderMaximumSize) {
        this.loaderMaximumSize = loaderMaximumSize;
    }
}
