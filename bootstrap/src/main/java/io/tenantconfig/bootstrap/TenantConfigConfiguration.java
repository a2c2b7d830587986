package io.tenantconfig.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.tenantconfig.bootstrap.database.DatabaseFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Everything the service reads from {@code config.yml} (production) or {@code dev.yml}. */
public class TenantConfigConfiguration extends Configuration {

    @Valid
    @NotNull
    private DatabaseFactory database = new DatabaseFactory();

    @JsonProperty
    public DatabaseFactory getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DatabaseFactory database) {
        this.database = database;
    }
}
