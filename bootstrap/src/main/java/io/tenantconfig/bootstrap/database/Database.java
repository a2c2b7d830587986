package io.tenantconfig.bootstrap.database;

import io.tenantconfig.adapters.persistence.Retention;
import io.tenantconfig.adapters.rest.ratelimit.Buckets;
import io.tenantconfig.application.port.out.AuditLog;
import io.tenantconfig.application.port.out.ConfigCatalog;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.EventOutbox;
import io.tenantconfig.application.port.out.HealthSchedule;
import io.tenantconfig.application.port.out.HealthStore;
import io.tenantconfig.application.port.out.LastKnownConfigs;
import io.tenantconfig.application.port.out.NumberDirectory;
import io.tenantconfig.application.port.out.WebhookInbox;
import io.tenantconfig.application.port.out.WebhookIntake;
import io.tenantconfig.application.port.out.WebhookKeys;

/**
 * The database as the use cases see it: the store (behind its cache), the loader's last known
 * configurations (the same cache), the catalog, the audit log,
 * the directory of who owns which number (in memory), the health checks' store and schedule, the
 * outbox of events for the platform, the webhook keys (in memory), the webhook intake's reads, its
 * group-commit writer, and the rate limits' buckets every instance shares.
 */
public record Database(
        ConfigStore store,
        LastKnownConfigs lastKnown,
        ConfigCatalog catalog,
        AuditLog auditLog,
        NumberDirectory directory,
        HealthStore health,
        HealthSchedule healthSchedule,
        EventOutbox outbox,
        WebhookKeys webhookKeys,
        WebhookInbox webhookInbox,
        WebhookIntake webhookIntake,
        Buckets rateLimitBuckets,
        Retention retention) {}
