package io.tenantconfig.adapters.rest;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.adapters.rest.auth.JwtAuthFactory;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitFeature;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.InMemoryKeptProfiles;
import io.tenantconfig.application.fixtures.InMemorySignupSessions;
import io.tenantconfig.application.fixtures.ScriptedMetaBusinessProfiles;
import io.tenantconfig.application.fixtures.ScriptedMetaHealth;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.ScriptedMetaTemplates;
import io.tenantconfig.application.fixtures.ScriptedTemplateCatalogue;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.service.AdminFeature;
import io.tenantconfig.application.service.BusinessProfileFeature;
import io.tenantconfig.application.service.ConfigurationFeature;
import io.tenantconfig.application.service.HealthFeature;
import io.tenantconfig.application.service.PhoneNumberFeature;
import io.tenantconfig.application.service.ResolutionCounter;
import io.tenantconfig.application.service.TemplateManagementFeature;
import io.tenantconfig.application.service.WebhookFeature;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.testing.SecretValues;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole HTTP API in a test container: the real resources, authentication, error mappers and
 * filters, on the real use cases over an in-memory store, at a fixed time.
 */
final class ApiFixture {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String FRONTEND = "https://app.example.com";
    /** The platform-wide fallback credentials, as the environment would hold them. */
    static final Map<String, String> FALLBACK = Map.of(
            "WHATSAPP_PHONE_ID", "100000000000001",
            "WHATSAPP_TOKEN", "EAAG-platform-token-9999",
            "META_APP_SECRET", "platform-app-secret-8888",
            "WEBHOOK_VERIFY_TOKEN", "platform-verify-token",
            "PUBLIC_BASE_URL", "https://config.example.com");

    final InMemoryConfigStore store = new InMemoryConfigStore();
    final ScriptedMetaOnboarding meta = new ScriptedMetaOnboarding();
    final ScriptedMetaHealth metaHealth = new ScriptedMetaHealth();
    /** Meta's side of template management. */
    final ScriptedMetaTemplates metaTemplates = new ScriptedMetaTemplates();
    /** Meta's side of business profiles, and the profiles kept from its answers. */
    final ScriptedMetaBusinessProfiles metaProfiles = new ScriptedMetaBusinessProfiles();

    final InMemoryKeptProfiles keptProfiles = new InMemoryKeptProfiles();

    final ResourceExtension resources;
    /** The signup sessions the API kept. */
    final InMemorySignupSessions signupSessions;
    /** Meta's templates of each account, as a test scripts them. */
    final ScriptedTemplateCatalogue templateMeta;

    /** Limits no ordinary test reaches; {@code RateLimitTest} uses small ones. */
    static final RateLimitPolicy[] GENEROUS = {
        new RateLimitPolicy(RateLimitPolicy.Kind.ADMIN, 100_000, 100_000),
        new RateLimitPolicy(RateLimitPolicy.Kind.ONBOARDING, 100_000, 100_000),
        new RateLimitPolicy(RateLimitPolicy.Kind.HEALTH_CHECK, 100_000, 100_000),
        new RateLimitPolicy(RateLimitPolicy.Kind.WEBHOOK, 100_000, 100_000)
    };

    ApiFixture(JwtAuthFactory auth) {
        this(auth, GENEROUS);
    }

    ApiFixture(JwtAuthFactory auth, RateLimitPolicy... limits) {
        TestFeatures features = TestFeatures.over(
                store,
                meta,
                metaHealth,
                variable -> Optional.ofNullable(FALLBACK.get(variable)),
                TestFeatures.Settings.DEFAULT,
                new ResolutionCounter(),
                CLOCK);
        this.signupSessions = features.signupSessions();
        this.templateMeta = features.templateMeta();
        List<Object> api = servingAll(features).resources();
        ResourceExtension.Builder builder = ResourceExtension.builder()
                .setClientConfigurator(client -> client.register(new SentSecrets()))
                .setMapper(RestApi.configure(Jackson.newObjectMapper()))
                .setRegisterDefaultExceptionMappers(false);
        for (Object resource : api) {
            builder.addResource(resource);
        }
        builder.addResource(RestApi.openApi("test", api));
        auth.providers(new MetricRegistry(), CLOCK).forEach(builder::addProvider);
        RestApi.errorMappers().forEach(builder::addProvider);
        RestApi.filters(List.of(FRONTEND)).forEach(builder::addProvider);
        builder.addProvider(new RateLimitFeature(CLOCK, limits));
        this.resources = builder.build();
    }

    /** Every resource, those of the features kept outside {@link TestFeatures} over this fixture's fakes of Meta. */
    RestApi servingAll(TestFeatures features) {
        RestApi served = serving(features, List.of(FRONTEND));
        TemplateManagementFeature templates =
                new TemplateManagementFeature(store, metaTemplates, store.templates(), CLOCK);
        served.templateManagement(templates.createTemplate(), templates.deleteTemplate());
        BusinessProfileFeature profiles = new BusinessProfileFeature(store, keptProfiles, metaProfiles, CLOCK);
        served.businessProfiles(profiles.viewBusinessProfile(), profiles.changeBusinessProfile());
        return served;
    }

    /** Every resource, each given the use cases it calls, as the service gives them. */
    static RestApi serving(TestFeatures features, List<String> corsAllowedOrigins) {
        ConfigurationFeature configuration = features.configuration();
        PhoneNumberFeature numbers = features.phoneNumbers();
        HealthFeature health = features.health();
        WebhookFeature webhooks = features.webhooks();
        AdminFeature admin = features.admin();
        RestApi api = new RestApi(corsAllowedOrigins, "test");
        api.tenantConfig(
                configuration.viewConfig(),
                configuration.revealConfig(),
                configuration.createConfig(),
                configuration.changeSettings(),
                configuration.switchActivation(),
                configuration.deleteConfig());
        api.history(configuration.auditTrail());
        api.resolvedConfig(configuration.configLoader(), configuration.revealCredentials());
        api.lookup(configuration.configLoader(), health.reportFailure());
        api.phoneNumbers(
                configuration.viewConfig(),
                numbers.addPhoneNumber(),
                numbers.changePhoneNumber(),
                numbers.removePhoneNumber(),
                new RestApi.NumberVerification(
                        features.numberVerification().createPhoneNumber(),
                        features.numberVerification().requestCode(),
                        features.numberVerification().verifyPhoneNumber()),
                features.coexistence().viewAppDataSyncs(),
                configuration.configLoader());
        api.accounts(
                configuration.viewConfig(),
                health.viewHealth(),
                features.accounts().setAccountToken(),
                features.accounts().removeAccount());
        api.onboarding(features.onboarding().onboard(), features.onboarding().resumeOnboarding());
        api.signupSessions(
                features.onboarding().reportSignupEvent(),
                features.onboarding().signupSessions(),
                features.onboarding().signupSessionsAdmin());
        api.health(health.viewHealth(), health.checkHealth());
        api.adminHealth(health.viewHealth());
        api.adminEvents(features.events().eventsAdmin());
        api.webhooks(webhooks.webhookHandshake(), webhooks.authenticateWebhook(), webhooks.receiveWebhook());
        api.webhookSettings(webhooks.webhookSettings(), webhooks.resubscribeWebhook());
        api.adminWebhooks(webhooks.unroutableChanges());
        api.admin(
                admin.listConfigs(),
                admin.configStatistics(),
                admin.deleteAllConfigs(),
                configuration.deleteConfig(),
                configuration.auditTrail(),
                configuration.viewConfig(),
                health.viewHealth(),
                features.coexistence().viewAppDataSyncs(),
                configuration.configLoader());
        api.adminTenant(
                configuration.viewConfig(),
                configuration.switchActivation(),
                health.viewHealth(),
                health.checkHealth(),
                webhooks.webhookSettings());
        api.templates(
                features.templates().viewTemplates(),
                features.templates().syncTemplates(),
                features.templates().lookupTemplate());
        return api;
    }

    /** Stores {@code config} as it is, as if it had been written earlier. */
    TenantConfig insert(TenantConfig config) {
        return store.inTransaction(tx -> tx.insertIfAbsent(config)).orElseThrow();
    }

    /** No configuration and no signup session at all (the audit trail stays). */
    void clear() {
        store.unreachableSince(null);
        store.inTransaction(ConfigStore.Transaction::deleteAll);
        signupSessions.clear();
    }

    /** Tells the log leak guard about every token and secret the tests send. */
    private static final class SentSecrets implements ClientRequestFilter {
        @Override
        public void filter(ClientRequestContext request) {
            SecretValues.inAuthorization(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            if (request.getEntity() instanceof String body) {
                SecretValues.inJsonBody(body);
            }
        }
    }

    static ApiFixture withHs256() {
        return new ApiFixture(Tokens.hs256Auth());
    }
}
