package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.CheckHealthUseCase;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.UseCases;
import io.tenantconfig.application.port.out.AuditLog;
import io.tenantconfig.application.port.out.ConfigCatalog;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.CredentialFallback;
import io.tenantconfig.application.port.out.EventOutbox;
import io.tenantconfig.application.port.out.EventSink;
import io.tenantconfig.application.port.out.HealthSchedule;
import io.tenantconfig.application.port.out.HealthStore;
import io.tenantconfig.application.port.out.LastKnownConfigs;
import io.tenantconfig.application.port.out.MetaHealth;
import io.tenantconfig.application.port.out.MetaOnboarding;
import io.tenantconfig.application.port.out.NumberDirectory;
import io.tenantconfig.application.port.out.WebhookInbox;
import io.tenantconfig.application.port.out.WebhookIntake;
import io.tenantconfig.application.port.out.WebhookKeys;
import io.tenantconfig.domain.PhoneNumbers;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/** Builds every use case from the outbound ports, with {@code new}: the application's part of the wiring. */
public final class Services {

    private Services() {}

    /** What the use cases need from outside the hexagon. */
    public record Ports(
            ConfigStore store,
            LastKnownConfigs lastKnown,
            ConfigCatalog catalog,
            AuditLog auditLog,
            MetaOnboarding meta,
            CredentialFallback fallback,
            NumberDirectory directory,
            MetaHealth metaHealth,
            HealthStore healthStore,
            HealthSchedule healthSchedule,
            EventOutbox outbox,
            EventSink eventSink,
            WebhookKeys webhookKeys,
            WebhookInbox webhookInbox,
            WebhookIntake webhookIntake) {
        public Ports {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(lastKnown, "lastKnown");
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(auditLog, "auditLog");
            Objects.requireNonNull(meta, "meta");
            Objects.requireNonNull(fallback, "fallback");
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(metaHealth, "metaHealth");
            Objects.requireNonNull(healthStore, "healthStore");
            Objects.requireNonNull(healthSchedule, "healthSchedule");
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(eventSink, "eventSink");
            Objects.requireNonNull(webhookKeys, "webhookKeys");
            Objects.requireNonNull(webhookInbox, "webhookInbox");
            Objects.requireNonNull(webhookIntake, "webhookIntake");
        }
    }

    /**
     * The rules the deployment chooses.
     *
     * @param phoneNumberLimit the most phone numbers a tenant may have (1 to {@link PhoneNumbers#MOST})
     */
    public record Settings(
            OnboardingPolicy onboarding,
            int phoneNumberLimit,
            HealthPolicy health,
            SweepPolicy sweep,
            DeliveryPolicy delivery) {

        public static final Settings DEFAULT = new Settings(
                OnboardingPolicy.DEFAULT,
                PhoneNumbers.MOST,
                HealthPolicy.DEFAULT,
                SweepPolicy.DEFAULT,
                DeliveryPolicy.DEFAULT);

        /** The defaults but for the onboarding policy, the limit and the health policy. */
        public Settings(OnboardingPolicy onboarding, int phoneNumberLimit, HealthPolicy health, SweepPolicy sweep) {
            this(onboarding, phoneNumberLimit, health, sweep, DeliveryPolicy.DEFAULT);
        }

        public Settings {
            Objects.requireNonNull(onboarding, "onboarding");
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(sweep, "sweep");
            Objects.requireNonNull(delivery, "delivery");
            if (phoneNumberLimit < 1 || phoneNumberLimit > PhoneNumbers.MOST) {
                throw new IllegalArgumentException("a tenant may have 1 to " + PhoneNumbers.MOST + " phone numbers");
            }
        }
    }

    /**
     * @param checks where the health checks of a sweep round run, side by side
     * @param resolutions counts the loader's answers by source (shared with the metrics)
     * @param random where registration PINs come from ({@code SecureRandom} in production)
     */
    public static UseCases wire(
            Ports ports,
            Settings settings,
            Executor checks,
            ResolutionCounter resolutions,
            RandomGenerator random,
            Clock clock) {
        LockedWrite write = new LockedWrite(ports.store());
        OnboardingPolicy policy = settings.onboarding();
        int phoneNumberLimit = settings.phoneNumberLimit();
        WebhookEndpoints endpoints = new WebhookEndpoints(ports.fallback(), ports.webhookKeys());
        OnboardingSteps steps = new OnboardingSteps(write, ports.meta(), policy, endpoints, random, clock);
        ConfigLoader loader =
                new ConfigLoaderService(ports.lastKnown(), ports.fallback(), ports.directory(), resolutions);
        CheckHealthUseCase checkHealth = new CheckHealthService(
                ports.store(), ports.healthStore(), ports.metaHealth(), write, settings.health(), clock);
        return new UseCases(
                new ViewConfigService(ports.store()),
                new RevealConfigService(ports.store(), ports.auditLog()),
                new CreateConfigService(ports.store(), clock),
                new ChangeSettingsService(write, clock),
                new AddPhoneNumberService(write, phoneNumberLimit, clock),
                new ChangePhoneNumberService(write, clock),
                new RemovePhoneNumberService(write, clock),
                new SwitchActivationService(write, clock),
                new DeleteConfigService(ports.store()),
                new DeleteAllConfigsService(ports.store()),
                new ListConfigsService(ports.catalog()),
                new ConfigStatisticsService(ports.catalog(), resolutions, ports.outbox(), clock),
                new AuditTrailService(ports.auditLog()),
                new OnboardService(ports.store(), ports.meta(), steps, policy, phoneNumberLimit, clock),
                new ResumeOnboardingService(ports.store(), steps),
                loader,
                new RevealCredentialsService(loader, ports.auditLog()),
                checkHealth,
                new ViewHealthService(ports.healthStore()),
                new SweepHealthService(ports.healthSchedule(), checkHealth, settings.sweep(), checks, random, clock),
                new ReportFailureService(ports.directory(), ports.healthSchedule(), clock),
                new DeliverEventsService(ports.outbox(), ports.eventSink(), settings.delivery(), clock),
                new EventsAdminService(ports.outbox(), clock),
                new WebhookHandshakeService(ports.webhookKeys(), ports.store(), endpoints),
                new AuthenticateWebhookService(ports.webhookKeys(), ports.store(), endpoints),
                new ReceiveWebhookService(
                        ports.store(),
                        ports.webhookIntake(),
                        ports.directory(),
                        ports.healthStore(),
                        ports.healthSchedule(),
                        clock),
                new WebhookSettingsService(ports.store(), endpoints, ports.webhookInbox()),
                new ResubscribeWebhookService(ports.store(), ports.meta(), endpoints),
                new UnroutableChangesService(ports.webhookInbox()));
    }
}
