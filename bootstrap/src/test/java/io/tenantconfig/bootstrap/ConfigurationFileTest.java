package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Path;
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

    private static TenantConfigConfiguration load(String file) throws Exception {
        YamlConfigurationFactory<TenantConfigConfiguration> factory = new YamlConfigurationFactory<>(
                TenantConfigConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
        return factory.build(
                new SubstitutingSourceProvider(
                        new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)),
                Path.of("..", file).toString());
    }

    @Test
    void config_yml_refuses_to_start_without_the_database_environment_and_names_what_is_missing() {
        assumeTrue(System.getenv("DATABASE_URL") == null, "DATABASE_URL is set in this environment");

        assertThatThrownBy(() -> load("config.yml")).hasMessageContaining("DATABASE_URL");
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
