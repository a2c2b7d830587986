package io.tenantconfig.adapters.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.port.in.ViewTemplatesUseCase;
import io.tenantconfig.application.port.out.TemplateCatalogues.TemplateQuery;
import io.tenantconfig.domain.template.TemplateStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** One tenant's message templates as its own endpoint shows them, for the dashboard's tenant page (admin role). */
@Path("/api/v1/tenant/admin/tenants/{tenant_id}/templates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@RateLimited(RateLimitPolicy.Kind.ADMIN)
@Tag(name = "Admin", description = "All tenants' configurations (admin role)")
public final class AdminTemplatesResource {

    private static final String LIMIT_RANGE = "must be between 1 and 100";

    private final ViewTemplatesUseCase viewTemplates;

    public AdminTemplatesResource(ViewTemplatesUseCase viewTemplates) {
        this.viewTemplates = viewTemplates;
    }

    @GET
    @Operation(summary = "The tenant's templates, paged, with when each account's catalogue was last read")
    public TemplatesResource.TemplatePageView templates(
            @PathParam("tenant_id") String tenantId,
            @Parameter(description = "Meta's status, e.g. PAUSED") @QueryParam("status") String status,
            @Parameter(description = "The next of the previous page: the page that follows it") @QueryParam("after")
                    String after,
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(value = 1, message = LIMIT_RANGE)
                    @Max(value = 100, message = LIMIT_RANGE)
                    int limit) {
        TemplateQuery query = new TemplateQuery(
                Parameters.optional("status", status, TemplateStatus::parse),
                Optional.empty(),
                Optional.empty(),
                Parameters.cursor(after),
                limit);
        ViewTemplatesUseCase.Catalogue catalogue = viewTemplates
                .templates(AdminTenantResource.tenant(tenantId), query)
                .orElseThrow(ConfigResponses::notFound);
        List<TemplateView> templates =
                catalogue.page().templates().stream().map(TemplateView::of).toList();
        return new TemplatesResource.TemplatePageView(
                templates.size(),
                templates,
                catalogue.page().next() == null
                        ? null
                        : String.valueOf(catalogue.page().next()),
                catalogue.reads().stream()
                        .map(TemplateView.CatalogueReadView::of)
                        .toList());
    }
}
