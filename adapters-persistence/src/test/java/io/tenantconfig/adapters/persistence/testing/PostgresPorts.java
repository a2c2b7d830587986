package io.tenantconfig.adapters.persistence.testing;

import io.tenantconfig.adapters.persistence.JdbiAuditLog;
import io.tenantconfig.adapters.persistence.JdbiEventOutbox;
import io.tenantconfig.adapters.persistence.JdbiHealthSchedule;
import io.tenantconfig.adapters.persistence.JdbiHealthStore;
import io.tenantconfig.adapters.persistence.JdbiWebhookInbox;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.port.out.ConfigCatalog;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.CredentialFallback;
import io.tenantconfig.application.port.out.LastKnownConfigs;
import io.tenantconfig.application.port.out.MetaHealth;
import io.tenantconfig.application.port.out.NumberDirectory;
import io.tenantconfig.application.port.out.StoredCredentials;
import io.tenantconfig.application.port.out.WebhookKeys;
import io.tenantconfig.application.service.Services;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The use cases' ports on PostgreSQL for tests and benchmarks of the loader and the health
 * sweep: what varies between them is given, the rest is the JDBI adapters, a scripted Meta
 * for onboarding, no event receiver and no webhook intake.
 */
public final class PostgresPorts {

    private PostgresPorts() {}

    /**
     * @param directory who owns which number (the database's, or the in-memory index); its webhook keys too
     * @param healthInterval how often a tenant is checked (the health store schedules the next check with it)
     */
    public static <D extends NumberDirectory & WebhookKeys> Services.Ports over(
            Jdbi jdbi,
            ConfigStore store,
            ConfigCatalog catalog,
            CredentialFallback fallback,
            D directory,
            MetaHealth metaHealth,
            Clock clock,
            Duration healthInterval) {
        return new Services.Ports(
                store,
                store instanceof LastKnownConfigs loader
                        ? loader
                        : tenantId -> LastKnownConfigs.LastKnown.current(
                                store.load(tenantId).map(StoredCredentials::of)),
                catalog,
                new JdbiAuditLog(jdbi),
                new ScriptedMetaOnboarding(),
                fallback,
                directory,
                metaHealth,
                new JdbiHealthStore(jdbi, clock, healthInterval),
                new JdbiHealthSchedule(jdbi),
                new JdbiEventOutbox(jdbi),
                event -> {},
                directory,
                new JdbiWebhookInbox(jdbi),
                changes -> {
                    throw new UnsupportedOperationException("no webhooks here");
                });
    }
}
