package io.tenantconfig.bootstrap.database;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.util.Map;

/**
 * Where the configurations are stored: with a {@code url}, an existing PostgreSQL (14 or newer);
 * with an {@code embedded} section and no URL, an embedded PostgreSQL started on demand
 * (development). Neither is refused at start.
 */
public class DatabaseFactory {

    private static final String EMBEDDED_USER = "postgres";
    private static final String EMBEDDED_DATABASE = "postgres";

    @Pattern(regexp = "jdbc:postgresql:.+",
            message = "must be a JDBC URL such as jdbc:postgresql://db.example:5432/tenant_config (DATABASE_URL)")
    private String url;
    private String user;
    private String password;

    /** Development only: set in dev.yml, never in config.yml, so a missing URL is an error there. */
    @Valid
    private EmbeddedPostgresFactory embedded;

    private boolean migrateOnStart;

    @Min(0)
    private int minSize = 2;

    @Min(1)
    @Max(200)
    private int maxSize = 16;

    @NotNull
    private Duration maxWaitForConnection = Duration.seconds(5);

    private DataSourceFactory dataSourceFactory;
    private EmbeddedPostgres embeddedServer;

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url == null || url.isBlank() ? null : url;
    }

    @JsonProperty
    public String getUser() {
        return user;
    }

    @JsonProperty
    public void setUser(String user) {
        this.user = user;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password;
    }

    @JsonProperty
    public EmbeddedPostgresFactory getEmbedded() {
        return embedded;
    }

    @JsonProperty
    public void setEmbedded(EmbeddedPostgresFactory embedded) {
        this.embedded = embedded;
    }

    /** Apply migrations.xml when the server starts (development); production runs {@code db migrate}. */
    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    @JsonProperty
    public int getMinSize() {
        return minSize;
    }

    @JsonProperty
    public void setMinSize(int minSize) {
        this.minSize = minSize;
    }

    @JsonProperty
    public int getMaxSize() {
        return maxSize;
    }

    @JsonProperty
    public void setMaxSize(int maxSize) {
        this.maxSize = maxSize;
    }

    @JsonProperty
    public Duration getMaxWaitForConnection() {
        return maxWaitForConnection;
    }

    @JsonProperty
    public void setMaxWaitForConnection(Duration maxWaitForConnection) {
        this.maxWaitForConnection = maxWaitForConnection;
    }

    public boolean isEmbedded() {
        return url == null && embedded != null;
    }

    @ValidationMethod(message = "needs a url (DATABASE_URL), or an embedded section for development")
    @JsonIgnore
    public boolean isUrlOrEmbedded() {
        return url != null || embedded != null;
    }

    /**
     * The pool settings for Dropwizard's data source. When no URL is configured this starts the
     * embedded PostgreSQL first (once), so {@code db migrate dev.yml} and {@code server dev.yml}
     * both find a database.
     */
    public synchronized DataSourceFactory dataSourceFactory() {
        if (dataSourceFactory == null) {
            DataSourceFactory factory = new DataSourceFactory();
            factory.setDriverClass("org.postgresql.Driver");
            if (isEmbedded()) {
                embeddedServer = embedded.start();
                factory.setUrl(embeddedServer.getJdbcUrl(EMBEDDED_USER, EMBEDDED_DATABASE));
                factory.setUser(EMBEDDED_USER);
            } else {
                factory.setUrl(url);
                factory.setUser(user);
                factory.setPassword(password);
            }
            factory.setMinSize(Math.min(minSize, maxSize));
            factory.setInitialSize(Math.min(minSize, maxSize));
            factory.setMaxSize(maxSize);
            factory.setMaxWaitForConnection(maxWaitForConnection);
            factory.setValidationQuery("/* tenant-config health check */ SELECT 1");
            factory.setCheckConnectionOnBorrow(true);
            // The server's error detail can quote a whole row, secrets included: keep it out of
            // exception messages and therefore out of logs.
            factory.setProperties(Map.of("logServerErrorDetail", "false", "ApplicationName", "tenant-config"));
            dataSourceFactory = factory;
        }
        return dataSourceFactory;
    }

    /** Stops the embedded PostgreSQL, if one was started, when the server stops. */
    public Managed embeddedLifecycle() {
        return new Managed() {
            @Override
            public void stop() throws IOException {
                synchronized (DatabaseFactory.this) {
                    if (embeddedServer != null) {
                        embeddedServer.close();
                        embeddedServer = null;
                    }
                }
            }
        };
    }
}
