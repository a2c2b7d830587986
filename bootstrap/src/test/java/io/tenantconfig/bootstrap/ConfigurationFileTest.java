package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.tenantconfig.adapters.meta.GraphApiSettings;
import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.application.service.AppDataSyncPolicy;
import io.tenantconfig.application.service.HealthPolicy;
import io.tenantconfig.application.service.SweepPolicy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.lookup.StringLookupFactory;
import org.junit.jupiter.api.Test;

/** The two configuration files shipped at the repository root, read as the service reads them. */
class ConfigurationFileTest {

    @Test
    void an_empty_database_url_is_refused_rather_than_starting_an_embedded_database() {
        assertThatThrownBy(() -> load("bootstrap/src/test/resources/no-database.yml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("needs a url (DATABASE_URL), or an embedded section for development");
    }

    @Test
    void cors_origins_may_come_as_one_comma_separated_variable() {
        TenantConfigConfiguration configuration = new TenantConfigConfiguration();

        configuration.setCorsAllowedOrigins(
                java.util.List.of("https://app.example.com, https://admin.example.com", ""));

        assertThat(configuration.getCorsAllowedOrigins())
                .containsExactly("https://app.example.com", "https://admin.example.com");
    }

    /** A line logged while serving a request of acme's, as the log context leaves it. */
    private static ILoggingEvent duringARequest() {
        LoggingEvent event = new LoggingEvent(
                Logger.class.getName(),
                new LoggerContext().getLogger("io.tenantconfig.Example"),
                Level.WARN,
                "Database unavailable",
                null,
                null);
        event.setMDCPropertyMap(Map.of("request_id", "trace-42", "tenant_id", "acme"));
        return event;
    }

    private static AppenderFactory<ILoggingEvent> consoleOf(TenantConfigConfiguration configuration) {
        return ((DefaultLoggingFactory) configuration.getLoggingFactory())
                .getAppenders()
                .get(0);
    }

    @Test
    void each_log_line_names_the_request_and_the_tenant() throws Exception {
        ConsoleAppenderFactory<ILoggingEvent> console =
                (ConsoleAppenderFactory<ILoggingEvent>) consoleOf(load("config.yml", PRODUCTION_ENVIRONMENT));
        PatternLayout text = new PatternLayout();
        text.setContext(new LoggerContext());
        text.setPattern(console.getLogFormat());
        text.start();

        assertThat(text.doLayout(duringARequest()))
                .startsWith("WARN  [")
                .contains("] [trace-42] [acme] io.tenantconfig.Example: Database unavailable");
    }

    @Test
    void one_property_switches_the_log_to_json_lines_with_the_request_and_the_tenant_as_fields() throws Exception {
        TenantConfigConfiguration configuration;
        System.setProperty("dw.logging.appenders[0].layout.type", "json");
        try {
            configuration = load("config.yml", PRODUCTION_ENVIRONMENT);
        } finally {
            System.clearProperty("dw.logging.appenders[0].layout.type");
        }
        ConsoleAppenderFactory<ILoggingEvent> console =
                (ConsoleAppenderFactory<ILoggingEvent>) consoleOf(configuration);
        LayoutBase<ILoggingEvent> json = ((EventJsonLayoutBaseFactory) console.getLayout())
                .build(new LoggerContext(), TimeZone.getTimeZone("UTC"));
        json.start();

        JsonNode line = new ObjectMapper().readTree(json.doLayout(duringARequest()));

        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("message").asText()).isEqualTo("Database unavailable");
        assertThat(line.at("/mdc/request_id").asText()).isEqualTo("trace-42");
        assertThat(line.at("/mdc/tenant_id").asText()).isEqualTo("acme");
    }

    /** The variables config.yml needs, as a deployment would set them. */
    private static final Map<String, String> PRODUCTION_ENVIRONMENT = Map.of(
            "DATABASE_URL", "jdbc:postgresql://db.internal:5432/tenant_config",
            "DATABASE_USER", "tenant_config",
            "DATABASE_PASSWORD", "not-a-real-password",
            "JWT_SECRET_KEY", "a-shared-secret-of-at-least-thirty-two-bytes",
            "FB_APP_ID", "1234567890",
            "FB_APP_SECRET", "not-a-real-app-secret",
            "ENCRYPTION_KEYSET", "{}");

    /** Reads {@code file} as the server does, with {@code environment} in place of the process's. */
    private static TenantConfigConfiguration load(String file, Map<String, String> environment) throws Exception {
        StringSubstitutor substitutor =
                new StringSubstitutor(StringLookupFactory.INSTANCE.mapStringLookup(environment));
        substitutor.setEnableUndefinedVariableException(true);
        YamlConfigurationFactory<TenantConfigConfiguration> factory = new YamlConfigurationFactory<>(
                TenantConfigConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
        return factory.build(
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor),
                Path.of("..", file).toString());
    }

    /** Reads {@code file} with no environment at all: only its own defaults. */
    private static TenantConfigConfiguration load(String file) throws Exception {
        return load(file, Map.of());
    }

    @Test
    void config_yml_refuses_to_start_without_the_database_environment_and_names_what_is_missing() {
        Map<String, String> withoutDatabase = new HashMap<>(PRODUCTION_ENVIRONMENT);
        withoutDatabase.remove("DATABASE_URL");

        assertThatThrownBy(() -> load("config.yml", withoutDatabase)).hasMessageContaining("DATABASE_URL");
    }

    @Test
    void config_yml_ships_the_documented_limits_timeouts_and_cache() throws Exception {
        TenantConfigConfiguration configuration = load("config.yml", PRODUCTION_ENVIRONMENT);

        assertThat(configuration.getRateLimits().policies())
                .containsExactly(
                        new RateLimitPolicy(RateLimitPolicy.Kind.ADMIN, 120, 600),
                        new RateLimitPolicy(RateLimitPolicy.Kind.ONBOARDING, 10, 10),
                        new RateLimitPolicy(RateLimitPolicy.Kind.HEALTH_CHECK, 3, 6),
                        new RateLimitPolicy(RateLimitPolicy.Kind.WEBHOOK, 5000, 300000));
        assertThat(configuration.getHealth().sweep())
                .isEqualTo(new SweepPolicy(java.time.Duration.ofHours(6), 0.1, java.time.Duration.ofMinutes(5), 50));
        assertThat(configuration.getHealth().policy())
                .isEqualTo(new HealthPolicy(
                        java.time.Duration.ofDays(7),
                        java.time.Duration.ofDays(7),
                        3,
                        java.time.Duration.ofSeconds(1)));
        assertThat(configuration.getCoexistence().policy())
                .as("operations.md, Coexistence syncs")
                .isEqualTo(new AppDataSyncPolicy(
                        java.time.Duration.ofMinutes(1),
                        java.time.Duration.ofSeconds(30),
                        java.time.Duration.ofMinutes(30)));
        assertThat(configuration.getCoexistence().syncEveryAsJava()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(configuration.getHealth().isSweepEnabled()).isTrue();
        assertThat(configuration.getHealth().getGraphCallsPerSecond()).isEqualTo(5);
        assertThat(configuration.getHealth().getGraphCallsInFlight()).isEqualTo(4);
        GraphApiSettings meta = configuration.getMeta().settings();
        assertThat(meta.connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(meta.requestTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(meta.baseUrl()).hasToString("https://graph.facebook.com");
        assertThat(meta.version()).isEqualTo("v23.0");
        assertThat(configuration.getCredentials().cache())
                .isEqualTo(new PostgresAdapters.CacheSettings(
                        10_000,
                        200_000,
                        java.time.Duration.ofSeconds(60),
                        java.time.Duration.ofSeconds(1),
                        java.time.Duration.ofMinutes(15)));
        assertThat(configuration.getDatabase().isMigrateOnStart()).isFalse();
        assertThat(configuration.getWarmUp().getDuration())
                .as("the warm-up README and operations.md promise")
                .isEqualTo(Duration.seconds(20));
        assertThat(configuration.getWarmUp().getClients()).isEqualTo(8);
        DefaultServerFactory server = (DefaultServerFactory) configuration.getServerFactory();
        assertThat(server.getMinThreads()).as("request threads").isEqualTo(32);
        assertThat(server.getMaxThreads()).isEqualTo(32);
        assertThat(((HttpConnectorFactory) server.getApplicationConnectors().get(0)).getHeaderCacheSize())
                .isEqualTo(DataSize.bytes(128));
        assertThat(configuration.getRequestBodies().getMinimumRate()).isEqualTo(DataSize.kibibytes(1));
        assertThat(configuration.getRequestBodies().getReadTimeout()).isEqualTo(Duration.seconds(20));
        assertThat(configuration.getRequestBodies().getWebhookUploadsPerAddress())
                .isEqualTo(16);
    }

    @Test
    void config_yml_binds_the_admin_port_to_loopback_unless_admin_bind_host_says_otherwise() throws Exception {
        assertThat(adminConnector(load("config.yml", PRODUCTION_ENVIRONMENT)).getBindHost())
                .isEqualTo("127.0.0.1");
        Map<String, String> opened = new java.util.HashMap<>(PRODUCTION_ENVIRONMENT);
        opened.put("ADMIN_BIND_HOST", "0.0.0.0");
        assertThat(adminConnector(load("config.yml", opened)).getBindHost()).isEqualTo("0.0.0.0");
        assertThat(adminConnector(load("dev.yml", Map.of())).getBindHost()).isEqualTo("127.0.0.1");
    }

    private static HttpConnectorFactory adminConnector(TenantConfigConfiguration configuration) {
        return (HttpConnectorFactory) ((DefaultServerFactory) configuration.getServerFactory())
                .getAdminConnectors()
                .get(0);
    }

    @Test
    void the_meta_timeouts_default_to_5_seconds_to_connect_and_10_to_answer() {
        MetaFactory meta = new MetaFactory();
        meta.setAppId("1234567890");
        meta.setAppSecret("not-a-real-app-secret");

        assertThat(meta.settings().connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(meta.settings().requestTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
    }

    @Test
    void dev_yml_needs_no_environment_and_uses_the_embedded_database() throws Exception {
        TenantConfigConfiguration configuration = load("dev.yml");

        assertThat(configuration.getDatabase().isEmbedded()).isTrue();
        assertThat(configuration.getDatabase().isMigrateOnStart()).isTrue();
        assertThat(configuration.getDatabase().getEmbedded().getDataDirectory()).isEqualTo("./data/postgres");
    }

    @Test
    void a_database_url_that_is_not_a_jdbc_url_is_refused_with_an_example() {
        assertThatThrownBy(() -> {
                    System.setProperty("dw.database.url", "postgresql://db.example/tenant_config");
                    try {
                        load("dev.yml");
                    } finally {
                        System.clearProperty("dw.database.url");
                    }
                })
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.url must be a JDBC URL such as jdbc:postgresql://");
    }
}
