package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.port.in.SyncTemplatesUseCase;
import io.tenantconfig.application.port.in.ViewTemplatesUseCase;
import io.tenantconfig.application.port.out.TemplateCatalogues.TemplateQuery;
import io.tenantconfig.domain.template.Template;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import io.tenantconfig.domain.template.TemplateStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The calling tenant's message templates as last read from Meta, and a read now. Never asks Meta
 * to answer a {@code GET}: the catalogue is read by the sweep, on demand and by Meta's webhooks,
 * and each answer says when each account's was last read and whether the last try failed.
 */
@Path("/api/v1/tenant/config/templates")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Templates", description = "The calling tenant's message templates, as Meta last described them")
public final class TemplatesResource {

    private static final String LIMIT_RANGE = "must be between 1 and 100";

    private final ViewTemplatesUseCase viewTemplates;
    private final SyncTemplatesUseCase syncTemplates;

    public TemplatesResource(ViewTemplatesUseCase viewTemplates, SyncTemplatesUseCase syncTemplates) {
        this.viewTemplates = viewTemplates;
        this.syncTemplates = syncTemplates;
    }

    /** {@code next}: pass it as {@code after} for the following page; null on the last one. */
    public record TemplatePageView(
            @JsonProperty("returned") int returned,
            @JsonProperty("templates") List<TemplateView> templates,
            @JsonProperty("next") String next,
            @JsonProperty("catalogues") List<TemplateView.CatalogueReadView> catalogues) {}

    /** Each account's catalogue after an on-demand read. */
    public record TemplateSyncView(
            @JsonProperty("catalogues") List<TemplateView.CatalogueReadView> catalogues) {}

    /** The templates of one name and language, one for each of the tenant's accounts that has it. */
    public record TemplatesNamed(@JsonProperty("templates") List<TemplateView> templates) {}

    @GET
    @Operation(
            summary = "The tenant's templates, paged; narrowed by status, name and language; with when each"
                    + " account's catalogue was last read (synced_at) and whether the last try failed")
    public TemplatePageView list(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @Parameter(description = "Meta's status, e.g. APPROVED, PAUSED, REJECTED") @QueryParam("status")
                    String status,
            @Parameter(description = "The template's name, e.g. order_shipped") @QueryParam("name") String name,
            @Parameter(description = "Meta's language code, e.g. en_US") @QueryParam("language") String language,
            @Parameter(description = "The next of the previous page: the page that follows it") @QueryParam("after")
                    String after,
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(value = 1, message = LIMIT_RANGE)
                    @Max(value = 100, message = LIMIT_RANGE)
                    int limit) {
        TemplateQuery query = new TemplateQuery(
                Parameters.optional("status", status, TemplateStatus::parse),
                Parameters.optional("name", name, TemplateName::parse),
                Parameters.optional("language", language, TemplateLanguage::parse),
                Parameters.cursor(after),
                limit);
        ViewTemplatesUseCase.Catalogue catalogue =
                viewTemplates.templates(caller.requireTenant(), query).orElseThrow(ConfigResponses::notFound);
        List<TemplateView> templates =
                catalogue.page().templates().stream().map(TemplateView::of).toList();
        return new TemplatePageView(
                templates.size(),
                templates,
                catalogue.page().next() == null
                        ? null
                        : String.valueOf(catalogue.page().next()),
                catalogue.reads().stream()
                        .map(TemplateView.CatalogueReadView::of)
                        .toList());
    }

    @GET
    @Path("/{name}/{language}")
    @Operation(summary = "One template by its name and language (one per account that has it); 404 when none has")
    public TemplatesNamed template(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @PathParam("name") String name,
            @PathParam("language") String language) {
        Template.Key key = new Template.Key(
                Parameters.required("name", name, TemplateName::parse),
                Parameters.required("language", language, TemplateLanguage::parse));
        List<TemplateView> found = viewTemplates.template(caller.requireTenant(), key).stream()
                .map(TemplateView::of)
                .toList();
        if (found.isEmpty()) {
            throw new io.tenantconfig.adapters.rest.errors.ApiException(
                    404, "No template " + key.name() + " in " + key.language() + " in the tenant's accounts");
        }
        return new TemplatesNamed(found);
    }

    @POST
    @Path("/sync")
    @RateLimited(RateLimitPolicy.Kind.HEALTH_CHECK)
    @Operation(
            summary = "Read every account's templates from Meta now; an account Meta does not answer for keeps its"
                    + " last catalogue (last_attempt_failed); rate limited per tenant with the health checks")
    public TemplateSyncView sync(@Parameter(hidden = true) @Auth CallerPrincipal caller) {
        return new TemplateSyncView(
                syncTemplates.sync(caller.requireTenant()).orElseThrow(ConfigResponses::notFound).stream()
                        .map(TemplateView.CatalogueReadView::of)
                        .toList());
    }
}
