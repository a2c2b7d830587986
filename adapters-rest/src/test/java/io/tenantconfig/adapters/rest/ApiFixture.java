package io.tenantconfig.adapters.rest;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.adapters.rest.auth.JwtAuthFactory;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitFeature;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.application.fixtures.InMemoryTenantConfigRepository;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.service.ConfigLoaderService;
import io.tenantconfig.application.service.DeleteAllTenantConfigsService;
import io.tenantconfig.application.service.ManageTenantConfigService;
import io.tenantconfig.application.service.OnboardingService;
import io.tenantconfig.application.service.ReadTenantConfigService;
import io.tenantconfig.application.service.ResolutionCounter;
import io.tenantconfig.application.usecase.OnboardingPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The whole HTTP API in a test container: the real resources, authentication, error mappers and
 * filters, on the real use cases over an in-memory repository, at a fixed time.
 */
final class ApiFixture {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String FRONTEND = "https://app.example.com";
    /** The platform-wide fallback credentials, as the environment would hold them. */
    static final Map<String, String> FALLBACK = Map.of(
            "WHATSAPP_PHONE_ID", "100000000000001",
            "WHATSAPP_TOKEN", "EAAG-platform-token-9999",
            "META_APP_SECRET", "platform-app-secret-8888");

    final InMemoryTenantConfigRepository repository = new InMemoryTenantConfigRepository();
    final ScriptedMetaOnboarding meta = new ScriptedMetaOnboarding();
    final ResourceExtension resources;

    /** Limits no ordinary test reaches; {@code RateLimitTest} uses small ones. */
    static final RateLimitPolicy[] GENEROUS = {
        new RateLimitPolicy(RateLimitPolicy.Kind.ADMIN, 100_000, 100_000),
        new RateLimitPolicy(RateLimitPolicy.Kind.ONBOARDING, 100_000, 100_000)
    };

    ApiFixture(JwtAuthFactory auth) {
        this(auth, GENEROUS);
    }

    ApiFixture(JwtAuthFactory auth, RateLimitPolicy... limits) {
        ManageTenantConfigService manage = new ManageTenantConfigService(repository, CLOCK);
        ResolutionCounter resolutions = new ResolutionCounter();
        ReadTenantConfigService read = new ReadTenantConfigService(repository, repository, resolutions);
        ConfigLoaderService loader = new ConfigLoaderService(repository,
                variable -> Optional.ofNullable(FALLBACK.get(variable)), resolutions, repository);
        OnboardingService onboarding = new OnboardingService(repository, meta, OnboardingPolicy.DEFAULT,
                new SplittableRandom(7), CLOCK);
        Object[] api = {
            new TenantConfigResource(read, read, manage, manage, manage, manage, loader, loader, read),
            new AdminResource(read, read, new DeleteAllTenantConfigsService(repository), manage, read),
            new OnboardingResource(onboarding, onboarding),
            new AuthResource()
        };
        ResourceExtension.Builder builder = ResourceExtension.builder()
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

    static ApiFixture withHs256() {
        return new ApiFixture(Tokens.hs256Auth());
    }
}
