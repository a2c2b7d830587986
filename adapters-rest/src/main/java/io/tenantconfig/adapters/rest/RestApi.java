package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.tenantconfig.adapters.rest.errors.ApiExceptionMapper;
import io.tenantconfig.adapters.rest.errors.ConstraintViolationMapper;
import io.tenantconfig.adapters.rest.errors.InvalidRequestMapper;
import io.tenantconfig.adapters.rest.errors.JsonProcessingMapper;
import io.tenantconfig.adapters.rest.errors.SecretUnreadableMapper;
import io.tenantconfig.adapters.rest.errors.StoreUnavailableMapper;
import io.tenantconfig.adapters.rest.errors.UnexpectedExceptionMapper;
import io.tenantconfig.adapters.rest.errors.WebApplicationExceptionMapper;
import io.tenantconfig.adapters.rest.json.RequestJson;
import io.tenantconfig.application.port.in.UseCases;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Registers the HTTP API with Jersey: the one family of error mappers, the request filters and
 * the resources. Authentication is registered separately ({@code JwtAuthFactory}).
 */
public final class RestApi {

    private RestApi() {}

    /** Sets up the JSON mapper the API reads request bodies with (see {@link RequestJson}). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return RequestJson.configure(mapper);
    }

    /** Every error the API can answer with, in one format (see {@code Problem}). */
    public static List<Object> errorMappers() {
        return List.of(
                new ApiExceptionMapper(),
                new InvalidRequestMapper(),
                new JsonProcessingMapper(),
                new ConstraintViolationMapper(),
                new WebApplicationExceptionMapper(),
                new StoreUnavailableMapper(),
                new SecretUnreadableMapper(),
                new UnexpectedExceptionMapper());
    }

    /** Every resource, each with the use cases it calls. */
    public static List<Object> resources(UseCases u) {
        return List.of(
                new TenantConfigResource(
                        u.viewConfig(),
                        u.revealConfig(),
                        u.createConfig(),
                        u.changeSettings(),
                        u.switchActivation(),
                        u.deleteConfig()),
                new PhoneNumbersResource(
                        u.viewConfig(), u.addPhoneNumber(), u.changePhoneNumber(), u.removePhoneNumber()),
                new ResolvedConfigResource(u.configLoader(), u.revealCredentials()),
                new LookupResource(u.configLoader(), u.reportFailure()),
                new HealthResource(u.viewHealth(), u.checkHealth()),
                new AdminHealthResource(u.viewHealth()),
                new AdminEventsResource(u.eventsAdmin()),
                new HistoryResource(u.auditTrail()),
                new AdminResource(
                        u.listConfigs(),
                        u.configStatistics(),
                        u.deleteAllConfigs(),
                        u.deleteConfig(),
                        u.auditTrail(),
                        u.viewConfig(),
                        u.viewHealth()),
                new AdminTenantResource(
                        u.viewConfig(), u.switchActivation(), u.viewHealth(), u.checkHealth(), u.webhookSettings()),
                new OnboardingResource(u.onboard(), u.resumeOnboarding()),
                new WebhooksResource(u.webhookHandshake(), u.authenticateWebhook(), u.receiveWebhook()),
                new WebhookSettingsResource(u.webhookSettings(), u.resubscribeWebhook()),
                new AdminWebhooksResource(u.unroutableChanges()),
                new AuthResource());
    }

    /** Request ids, the body size limit and CORS. */
    public static List<Object> filters(List<String> corsAllowedOrigins) {
        return List.of(new RequestIdentity(), new RequestBodyLimitFilter(), new CorsFilter(corsAllowedOrigins));
    }

    /** The OpenAPI description of the given resources. */
    public static Object openApi(String version, List<Object> resources) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Object resource : resources) {
            classes.add(resource.getClass());
        }
        return OpenApiResource.describing(classes, version);
    }

    /** Registers the mappers, the filters, the resources and their OpenAPI description. */
    public static void register(
            JerseyEnvironment jersey, List<String> corsAllowedOrigins, String version, List<Object> resources) {
        errorMappers().forEach(jersey::register);
        filters(corsAllowedOrigins).forEach(jersey::register);
        for (Object resource : resources) {
            jersey.register(resource);
        }
        jersey.register(openApi(version, resources));
    }
}
