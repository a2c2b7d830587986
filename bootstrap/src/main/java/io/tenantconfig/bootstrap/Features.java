package io.tenantconfig.bootstrap;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import io.tenantconfig.adapters.meta.MetaAdapters;
import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.adapters.rest.RestApi;
import io.tenantconfig.application.port.in.ValueSource;
import io.tenantconfig.application.port.out.CredentialFallback;
import io.tenantconfig.application.port.out.EventOutbox;
import io.tenantconfig.application.port.out.EventSink;
import io.tenantconfig.application.port.out.HealthStore;
import io.tenantconfig.application.service.AccountFeature;
import io.tenantconfig.application.service.AdminFeature;
import io.tenantconfig.application.service.BusinessProfileFeature;
import io.tenantconfig.application.service.CoexistenceFeature;
import io.tenantconfig.application.service.ConfigurationFeature;
import io.tenantconfig.application.service.EventsFeature;
import io.tenantconfig.application.service.HealthFeature;
import io.tenantconfig.application.service.NumberVerificationFeature;
import io.tenantconfig.application.service.OnboardingFeature;
import io.tenantconfig.application.service.PhoneNumberFeature;
import io.tenantconfig.application.service.ResolutionCounter;
import io.tenantconfig.application.service.TemplateManagementFeature;
import io.tenantconfig.application.service.TemplatesFeature;
import io.tenantconfig.application.service.WebhookFeature;
import io.tenantconfig.bootstrap.coexistence.AppDataSyncer;
import io.tenantconfig.bootstrap.coexistence.CoexistenceFactory;
import io.tenantconfig.bootstrap.events.EventDeliverer;
import io.tenantconfig.bootstrap.events.EventsFactory;
import io.tenantconfig.bootstrap.events.RetentionRound;
import io.tenantconfig.bootstrap.health.HealthFactory;
import io.tenantconfig.bootstrap.health.HealthSweeper;
import io.tenantconfig.bootstrap.health.TimedMetaHealth;
import io.tenantconfig.bootstrap.templates.TemplateSweeper;
import io.tenantconfig.bootstrap.templates.TemplatesFactory;
import io.tenantconfig.domain.health.HealthState;
import jakarta.servlet.DispatcherType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The service, one feature at a time: each builds its use cases from the ports it needs (the
 * application's {@code *Feature}), gives the HTTP API the resources that call them, and runs and
 * measures what belongs to it. {@link TenantConfigApplication#run} lists them.
 */
final class Features {

    /** How many batches of a thousand rows of each kind one retention round deletes at most. */
    private static final int RETENTION_BATCHES_PER_ROUND = 100;

    /** Without a receiver, events are only stored: nothing delivers them, so nothing calls this. */
    private static final EventSink NO_RECEIVER = events -> {
        throw new EventSink.DeliveryFailedException("no receiver is configured (EVENTS_WEBHOOK_URL)");
    };

    private final TenantConfigConfiguration configuration;
    private final Environment environment;
    private final MetricRegistry metrics;
    private final PostgresAdapters database;
    private final MetaAdapters meta;
    private final CredentialFallback fallback;
    private final RestApi api;
    private final Clock clock;
    /** The loader's answers by source: counted by the configuration feature, read by the admin one. */
    private final ResolutionCounter resolutions = new ResolutionCounter();
    /** Registration PINs (onboarding) and the sweep's spread (health). */
    private final RandomGenerator random = new SecureRandom();

    private final HealthStore healthStore;

    Features(
            TenantConfigConfiguration configuration,
            Environment environment,
            PostgresAdapters database,
            MetaAdapters meta,
            CredentialFallback fallback,
            RestApi api,
            Clock clock) {
        this.configuration = configuration;
        this.environment = environment;
        this.metrics = environment.metrics();
        this.database = database;
        this.meta = meta;
        this.fallback = fallback;
        this.api = api;
        this.clock = clock;
        this.healthStore = database.healthStore(configuration.getHealth().checkIntervalAsJava());
    }

    /**
     * A tenant's configuration, its history, and the credentials the platform's services resolve
     * from it; the loader's answers by source in the metrics.
     */
    ConfigurationFeature configuration() {
        ConfigurationFeature configs = new ConfigurationFeature(
                database.store(),
                database.lastKnown(),
                database.auditLog(),
                fallback,
                database.directory(),
                resolutions,
                clock);
        api.tenantConfig(
                configs.viewConfig(),
                configs.revealConfig(),
                configs.createConfig(),
                configs.changeSettings(),
                configs.switchActivation(),
                configs.deleteConfig());
        api.history(configs.auditTrail());
        api.resolvedConfig(configs.configLoader(), configs.revealCredentials());
        for (ValueSource source : ValueSource.values()) {
            metrics.registerGauge(
                    "tenant-config.resolutions." + source.label(),
                    () -> resolutions.snapshot().get(source));
        }
        return configs;
    }

    /**
     * WhatsApp Business app numbers (coexistence): the syncs of the apps' contacts and history
     * that signups ask for, made by every instance every {@code coexistence.syncEvery}, shared
     * through PostgreSQL; their outcomes in the metrics.
     */
    CoexistenceFeature coexistence() {
        CoexistenceFactory settings = configuration.getCoexistence();
        CoexistenceFeature coexistence = new CoexistenceFeature(
                database.appDataSyncs(), database.store(), meta.appData(), settings.policy(), clock);
        environment
                .lifecycle()
                .manage(new PeriodicTask(
                        "tenant-config-coexistence-sync",
                        settings.syncEveryAsJava(),
                        new AppDataSyncer(
                                coexistence.syncAppData(),
                                metrics.meter("tenant-config.coexistence.requests-accepted"),
                                metrics.meter("tenant-config.coexistence.requests-failed"),
                                metrics.meter("tenant-config.coexistence.syncs-expired"))));
        return coexistence;
    }

    /**
     * A tenant's phone numbers, up to {@code phoneNumbersPerTenant}, in up to {@code accountsPerTenant}
     * accounts; a coexistence number with its sync; and those Meta creates at its request, verified
     * and registered through the service.
     */
    void phoneNumbers(ConfigurationFeature configs, CoexistenceFeature coexistence) {
        PhoneNumberFeature numbers = new PhoneNumberFeature(database.store(), configuration.limits(), clock);
        NumberVerificationFeature verification = new NumberVerificationFeature(
                database.store(), meta.phoneNumbers(), meta.onboarding(), configuration.limits(), random, clock);
        api.phoneNumbers(
                configs.viewConfig(),
                numbers.addPhoneNumber(),
                numbers.changePhoneNumber(),
                numbers.removePhoneNumber(),
                new RestApi.NumberVerification(
                        verification.createPhoneNumber(), verification.requestCode(), verification.verifyPhoneNumber()),
                coexistence.viewAppDataSyncs(),
                configs.configLoader());
    }

    /**
     * Each number's business profile, read through to Meta and kept from its last answer (shared by
     * every instance through PostgreSQL), and changed at Meta, audited.
     */
    void businessProfiles() {
        BusinessProfileFeature profiles = new BusinessProfileFeature(
                database.store(), database.keptBusinessProfiles(), meta.businessProfiles(), clock);
        api.businessProfiles(profiles.viewBusinessProfile(), profiles.changeBusinessProfile());
    }

    /**
     * A tenant's message templates created and deleted at Meta, in one of its accounts, audited;
     * the account's catalogue is read again at the sweep's next round after each.
     */
    void templateManagement() {
        TemplateManagementFeature templates =
                new TemplateManagementFeature(database.store(), meta.templates(), database.templateSchedule(), clock);
        api.templateManagement(templates.createTemplate(), templates.deleteTemplate());
    }

    /**
     * A tenant's WhatsApp Business Accounts: one account's token set by hand, one removed with its
     * numbers; for the tenant and for admins.
     */
    void accounts(ConfigurationFeature configs, HealthFeature health) {
        AccountFeature accounts = new AccountFeature(database.store(), clock);
        api.accounts(configs.viewConfig(), health.viewHealth(), accounts.setAccountToken(), accounts.removeAccount());
    }

    /** Embedded Signup, with the {@code meta} section's steps, and its signup sessions. */
    void onboarding() {
        OnboardingFeature onboarding = new OnboardingFeature(
                database.store(),
                database.signupSessions(),
                meta.onboarding(),
                fallback,
                database.webhookKeys(),
                configuration.getMeta().policy(),
                configuration.limits(),
                random,
                clock);
        api.onboarding(onboarding.onboard(), onboarding.resumeOnboarding());
        api.signupSessions(
                onboarding.reportSignupEvent(), onboarding.signupSessions(), onboarding.signupSessionsAdmin());
    }

    /**
     * Each account's message templates: read by the sweep (when on) every {@code templates.interval},
     * shared through PostgreSQL, on demand and by Meta's template webhooks; the tenant's reading
     * endpoints and the sending code's lookup from memory; reads and failures in the metrics.
     */
    TemplatesFeature templates() {
        TemplatesFactory settings = configuration.getTemplates();
        TemplatesFeature templates = new TemplatesFeature(
                database.store(),
                database.templateCatalogues(),
                database.templateDirectory(),
                database.templateSchedule(),
                meta.templateCatalogue(),
                database.directory(),
                settings.policy(),
                random,
                clock);
        api.templates(templates.viewTemplates(), templates.syncTemplates(), templates.lookupTemplate());
        if (settings.isSweepEnabled()) {
            environment
                    .lifecycle()
                    .manage(new PeriodicTask(
                            "tenant-config-template-sweep",
                            settings.sweepEveryAsJava(),
                            new TemplateSweeper(
                                    templates.sweepTemplates(),
                                    instanceName(),
                                    metrics.meter("tenant-config.templates.reads"),
                                    metrics.meter("tenant-config.templates.failures"))));
        }
        return templates;
    }

    /**
     * Tenants' health: checked on demand and by the sweep (when on), with Meta's calls timed and
     * throttled; failures the platform reports by number (the lookup API, beside the loader); the
     * tenants per state in the metrics.
     */
    HealthFeature health(ConfigurationFeature configs) {
        HealthFactory settings = configuration.getHealth();
        ExecutorService checks = environment
                .lifecycle()
                .executorService("tenant-config-health-check-%d")
                .minThreads(settings.getGraphCallsInFlight())
                .maxThreads(settings.getGraphCallsInFlight())
                .build();
        HealthFeature health = new HealthFeature(
                database.store(),
                healthStore,
                database.healthSchedule(),
                new TimedMetaHealth(
                        meta.health(settings.getGraphCallsPerSecond(), settings.getGraphCallsInFlight()), metrics),
                database.numberCapacities(),
                database.directory(),
                settings.policy(),
                settings.sweep(),
                checks,
                random,
                clock);
        api.health(health.viewHealth(), health.checkHealth());
        api.adminHealth(health.viewHealth());
        api.lookup(configs.configLoader(), health.reportFailure());
        // One query every 30 seconds at most, whichever of the gauges is read.
        CachedGauge<Map<HealthState, Long>> counts = new CachedGauge<>(30, TimeUnit.SECONDS) {
            @Override
            protected Map<HealthState, Long> loadValue() {
                return healthCounts();
            }
        };
        for (HealthState state : HealthState.values()) {
            metrics.registerGauge(
                    "tenant-config.health.tenants." + state.name().toLowerCase(Locale.ROOT),
                    () -> counts.getValue().getOrDefault(state, 0L));
        }
        if (settings.isSweepEnabled()) {
            environment
                    .lifecycle()
                    .manage(new PeriodicTask(
                            "tenant-config-health-sweep",
                            settings.pollEveryAsJava(),
                            new HealthSweeper(
                                    health.sweepHealth(),
                                    instanceName(),
                                    metrics.meter("tenant-config.health.checks"),
                                    metrics.meter("tenant-config.health.failures"))));
        }
        return health;
    }

    /**
     * The events for the platform: delivered to the receiver (when one is configured), listed for
     * admins, their backlog in the metrics; and the retention job that deletes what is kept no
     * longer (delivered events, webhook changes, dead letters).
     */
    void events() {
        EventsFactory settings = configuration.getEvents();
        Optional<EventSink> receiver = settings.sink();
        EventsFeature events =
                new EventsFeature(database.outbox(), receiver.orElse(NO_RECEIVER), settings.policy(), clock);
        api.adminEvents(events.eventsAdmin());
        if (receiver.isPresent()) {
            environment
                    .lifecycle()
                    .manage(new EventDeliverer(
                            events.deliverEvents(),
                            settings.getDeliveriesInFlight(),
                            settings.deliverEveryAsJava(),
                            metrics));
        }
        // What waits for the receiver: one query every 10 seconds at most, whichever gauge is read.
        CachedGauge<EventOutbox.Backlog> backlog = new CachedGauge<>(10, TimeUnit.SECONDS) {
            @Override
            protected EventOutbox.Backlog loadValue() {
                return backlog();
            }
        };
        metrics.registerGauge(
                "tenant-config.events.pending", () -> backlog.getValue().pending());
        metrics.registerGauge(
                "tenant-config.events.oldest-pending-seconds",
                () -> backlog.getValue()
                        .oldestOccurredAt()
                        .map(at -> Duration.between(at, clock.instant()).toSeconds())
                        .orElse(0L));
        environment
                .lifecycle()
                .manage(new PeriodicTask(
                        "tenant-config-retention",
                        configuration.getRetention().everyAsJava(),
                        new RetentionRound(
                                database.retention(configuration.getRetention().ages(), RETENTION_BATCHES_PER_ROUND),
                                clock,
                                metrics)));
    }

    /** Meta's webhooks, a tenant's webhook settings, and the changes nobody owned. */
    WebhookFeature webhooks() {
        WebhookFeature webhooks = new WebhookFeature(
                database.store(),
                database.webhookKeys(),
                fallback,
                database.webhookIntake(),
                database.webhookInbox(),
                database.directory(),
                healthStore,
                database.healthSchedule(),
                database.numberCapacities(),
                meta.onboarding(),
                clock,
                database.templateSchedule());
        api.webhooks(webhooks.webhookHandshake(), webhooks.authenticateWebhook(), webhooks.receiveWebhook());
        api.webhookSettings(webhooks.webhookSettings(), webhooks.resubscribeWebhook());
        api.adminWebhooks(webhooks.unroutableChanges());
        return webhooks;
    }

    /**
     * What admins do across tenants, and the dashboard's view of one tenant (its files go out
     * with their own security headers).
     */
    void admin(
            ConfigurationFeature configs,
            HealthFeature health,
            WebhookFeature webhooks,
            CoexistenceFeature coexistence) {
        AdminFeature admin = new AdminFeature(
                database.store(), database.catalog(), database.outbox(), database.signupSessions(), resolutions, clock);
        api.admin(
                admin.listConfigs(),
                admin.configStatistics(),
                admin.deleteAllConfigs(),
                configs.deleteConfig(),
                configs.auditTrail(),
                configs.viewConfig(),
                health.viewHealth(),
                coexistence.viewAppDataSyncs(),
                configs.configLoader());
        api.adminTenant(
                configs.viewConfig(),
                configs.switchActivation(),
                health.viewHealth(),
                health.checkHealth(),
                webhooks.webhookSettings());
        environment
                .servlets()
                .addFilter("admin-dashboard-headers", RestApi.dashboardHeaders())
                .addMappingForUrlPatterns(
                        EnumSet.of(DispatcherType.REQUEST),
                        false,
                        RestApi.DASHBOARD_PATH,
                        RestApi.DASHBOARD_PATH + "/*");
    }

    /** The events waiting for the receiver; none while the database cannot say. */
    private EventOutbox.Backlog backlog() {
        try {
            return database.outbox().backlog();
        } catch (RuntimeException e) {
            return new EventOutbox.Backlog(0, Optional.empty());
        }
    }

    /** Tenants per health state now; none while the database cannot say. */
    private Map<HealthState, Long> healthCounts() {
        try {
            return healthStore.counts();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** Who holds a sweep lease: this host and a random suffix, unique per process. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "instance";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
