package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.jersey.DropwizardResourceConfig;
import io.dropwizard.jersey.setup.JerseyContainerHolder;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.auth.JwtAuthFactory;
import io.tenantconfig.adapters.rest.auth.JwtVerifier;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.adapters.rest.errors.Problem;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitFeature;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitsFactory;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.service.OnboardingPolicy;
import io.tenantconfig.application.service.ResolutionCounter;
import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.junit.jupiter.api.Test;

/** What the application hands Jersey: every resource, mapper and filter, and authentication. */
class RestApiTest {

    private final List<Object> registered = new ArrayList<>();
    private final JerseyEnvironment jersey =
            new JerseyEnvironment(new JerseyContainerHolder(null), new DropwizardResourceConfig()) {
                @Override
                public void register(Object component) {
                    registered.add(component);
                }

                @Override
                public void register(Class<?> component) {
                    registered.add(component);
                }
            };

    private Set<Class<?>> registered() {
        return classesOf(registered);
    }

    private static Set<Class<?>> classesOf(List<Object> objects) {
        return objects.stream().map(Object::getClass).collect(Collectors.toSet());
    }

    @Test
    void the_api_registers_every_resource_mapper_and_filter_and_its_openapi_description() {
        ApiFixture fixture = ApiFixture.withHs256();
        RestApi api = fixture.servingAll(TestFeatures.over(
                fixture.store,
                fixture.meta,
                variable -> Optional.empty(),
                OnboardingPolicy.DEFAULT,
                new ResolutionCounter(),
                ApiFixture.CLOCK));
        List<Object> resources = api.resources();

        api.register(jersey);

        assertThat(registered).containsAll(resources);
        assertThat(registered())
                .containsAll(classesOf(RestApi.errorMappers()))
                .containsAll(classesOf(RestApi.filters(List.of(ApiFixture.FRONTEND))))
                .contains(RestApi.openApi("test", resources).getClass());
    }

    @Test
    void authentication_registers_the_bearer_filter_roles_and_the_caller_parameter() {
        Tokens.hs256Auth().register(jersey, new MetricRegistry(), ApiFixture.CLOCK);

        assertThat(registered()).contains(AuthDynamicFeature.class, AuthValueFactoryProvider.Binder.class);
        assertThat(registered).contains(RolesAllowedDynamicFeature.class);
    }

    @Test
    void the_body_reader_in_front_of_jetty_applies_the_apis_own_limits_and_answers_in_its_error_format() {
        assertThat(RestApi.isWebhookPath("/api/v1/webhooks/whatsapp/key")).isTrue();
        assertThat(RestApi.isWebhookPath("api/v1/tenant/config")).isFalse();
        assertThat(RestApi.largestBody("/api/v1/webhooks/whatsapp/key")).isEqualTo(WebhooksResource.MAX_BODY_BYTES);
        assertThat(RestApi.largestBody("/api/v1/tenant/config")).isEqualTo(RequestBodyLimitFilter.MAX_BODY_BYTES);
        assertThat(RestApi.problem(413, "The request body is larger than 64 KiB."))
                .isEqualTo(Problem.of(413, "The request body is larger than 64 KiB."));
        assertThat(RestApi.dashboardHeaders()).isInstanceOf(DashboardHeaders.class);
    }

    @Test
    void the_rate_limits_register_one_feature_that_limits_each_annotated_method() {
        // No bucket is asked for while registering: the shared ones are not needed here.
        new RateLimitsFactory().register(jersey, null, ApiFixture.CLOCK);

        assertThat(registered()).containsExactly(RateLimitFeature.class);
    }

    @Test
    void a_token_minted_here_is_one_the_service_accepts_and_only_an_hmac_secret_can_mint() {
        JwtAuthFactory auth = Tokens.hs256Auth();

        String token = auth.mint(ApiFixture.CLOCK, "ops", "acme", List.of(Roles.ADMIN), Duration.ofMinutes(5));

        CallerPrincipal caller =
                new JwtVerifier(auth.settings(), ApiFixture.CLOCK).verify(token).orElseThrow();
        assertThat(caller.tenant()).contains(TenantId.of("acme"));
        assertThat(caller.subject()).isEqualTo("ops");
        assertThat(caller.roles()).containsExactly(Roles.ADMIN);
        assertThat(auth.canMint()).isTrue();
        assertThat(Tokens.rs256Auth().canMint()).isFalse();
    }
}
