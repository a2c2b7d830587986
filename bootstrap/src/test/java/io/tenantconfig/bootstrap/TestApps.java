package io.tenantconfig.bootstrap;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import java.util.stream.Stream;

/** The service as the tests start it: {@code test.yml} on a test database, with a test's own overrides. */
final class TestApps {

    private static final String CONFIG = ResourceHelpers.resourceFilePath("test.yml");

    private TestApps() {}

    /** Started and stopped around the test class by JUnit. */
    static DropwizardAppExtension<TenantConfigConfiguration> extension(
            TestDatabase database, ConfigOverride... overrides) {
        return new DropwizardAppExtension<>(TenantConfigApplication.class, CONFIG, on(database, overrides));
    }

    /** Started and stopped by the test itself ({@code before()}, {@code after()}). */
    static DropwizardTestSupport<TenantConfigConfiguration> support(
            TestDatabase database, ConfigOverride... overrides) {
        return new DropwizardTestSupport<>(TenantConfigApplication.class, CONFIG, on(database, overrides));
    }

    private static ConfigOverride[] on(TestDatabase database, ConfigOverride... overrides) {
        return Stream.concat(
                        Stream.of(
                                ConfigOverride.config("database.url", database.jdbcUrl()),
                                ConfigOverride.config("database.user", TestDatabase.USER)),
                        Stream.of(overrides))
                .toArray(ConfigOverride[]::new);
    }
}
