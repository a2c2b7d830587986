package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.jersey.DropwizardResourceConfig;
import io.dropwizard.jersey.setup.JerseyContainerHolder;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.service.OnboardingPolicy;
import io.tenantconfig.application.service.ResolutionCounter;
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
        RestApi api = ApiFixture.serving(
                TestFeatures.over(
                        fixture.store,
                        fixture.meta,
                        variable -> Optional.empty(),
                        OnboardingPolicy.DEFAULT,
                        new ResolutionCounter(),
                        ApiFixture.CLOCK),
                List.of(ApiFixture.FRONTEND));
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
}
