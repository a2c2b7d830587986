package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.adapters.rest.json.RequestJson;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitPolicy;
import io.tenantconfig.adapters.rest.ratelimit.RateLimited;
import io.tenantconfig.application.port.in.CreateTemplateUseCase;
import io.tenantconfig.application.port.in.DeleteTemplateUseCase;
import io.tenantconfig.application.port.in.SyncTemplatesUseCase;
import io.tenantconfig.application.port.in.TemplateResult;
import io.tenantconfig.application.port.in.ViewTemplatesUseCase;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaTemplates.CreatedTemplate;
import io.tenantconfig.application.port.out.TemplateCatalogues.TemplateQuery;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.template.Template;
import io.tenantconfig.domain.template.TemplateDraft;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import io.tenantconfig.domain.template.TemplateStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The calling tenant's message templates: the catalogue as last read from Meta, a read now, and
 * templates created and deleted at Meta. A {@code GET} never asks Meta: the catalogue is read by
 * the sweep, on demand and by Meta's webhooks, and each answer says when each account's was last
 * read and whether the last try failed. A create or delete goes to the account {@code waba_id}
 * names, or the tenant's only one (with several, {@code waba_id} is required), as for a number Meta
 * creates; the answer is Meta's, and the account's catalogue is read again soon after.
 */
@Path(TemplatesResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(
        name = "Templates",
        description =
                "The calling tenant's message templates, as Meta last described them, created and deleted at Meta")
public final class TemplatesResource {

    static final String PATH = "/api/v1/tenant/config/templates";

    private static final String LIMIT_RANGE = "must be between 1 and 100";

    private final ViewTemplatesUseCase viewTemplates;
    private final SyncTemplatesUseCase syncTemplates;
    private final CreateTemplateUseCase createTemplate;
    private final DeleteTemplateUseCase deleteTemplate;

    public TemplatesResource(
            ViewTemplatesUseCase viewTemplates,
            SyncTemplatesUseCase syncTemplates,
            CreateTemplateUseCase createTemplate,
            DeleteTemplateUseCase deleteTemplate) {
        this.viewTemplates = viewTemplates;
        this.syncTemplates = syncTemplates;
        this.createTemplate = createTemplate;
        this.deleteTemplate = deleteTemplate;
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

    /** Meta's answer to a template created, with the account it is in. */
    public record CreatedView(
            @JsonProperty("id") String id,
            @JsonProperty("status") String status,
            @JsonProperty("category") String category,
            @JsonProperty("name") String name,
            @JsonProperty("language") String language,
            @JsonProperty("waba_id") String wabaId) {}

    /** A template deleted at Meta: which name, which account, and which language's id if only one. */
    public record DeletedView(
            @JsonProperty("name") String name,
            @JsonProperty("hsm_id") String hsmId,
            @JsonProperty("waba_id") String wabaId,
            @JsonProperty("deleted") boolean deleted) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(RateLimitPolicy.Kind.ONBOARDING)
    @Operation(
            summary = "Create a message template at Meta (the body as Meta's: name, language, category,"
                    + " components, parameter_format, allow_category_change), checked against Meta's rules"
                    + " first; waba_id names the account when the tenant has several. 201 with Meta's id,"
                    + " status and category")
    public Response create(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @QueryParam("waba_id") String wabaId,
            @NotNull(message = RequestJson.MUST_BE_AN_OBJECT) TemplateRequest body) {
        MetaId account = Parameters.optional("waba_id", wabaId, MetaId::parse).orElse(null);
        TemplateDraft draft = body.toDraft();
        TemplateResult.Done<CreatedTemplate> done = done(
                createTemplate.create(
                        new CreateTemplateUseCase.Command(caller.requireTenant(), caller.actor(), account, draft)),
                "while creating the template " + draft.name() + " (" + draft.language() + ")");
        CreatedTemplate created = done.answer();
        return Response.status(201)
                .entity(new CreatedView(
                        created.id().value(),
                        created.status(),
                        created.category().name(),
                        draft.name().value(),
                        draft.language().value(),
                        done.wabaId().value()))
                .build();
    }

    @DELETE
    @Path("/{name}")
    @RateLimited(RateLimitPolicy.Kind.ONBOARDING)
    @Operation(
            summary = "Delete a message template at Meta: every language of the name, or only the one whose"
                    + " Meta id hsm_id gives; waba_id names the account when the tenant has several")
    public DeletedView delete(
            @Parameter(hidden = true) @Auth CallerPrincipal caller,
            @PathParam("name") String name,
            @QueryParam("hsm_id") String hsmId,
            @QueryParam("waba_id") String wabaId) {
        TemplateName templateName = Parameters.required("name", name, TemplateName::parse);
        MetaId templateId = Parameters.optional("hsm_id", hsmId, MetaId::parse).orElse(null);
        MetaId account = Parameters.optional("waba_id", wabaId, MetaId::parse).orElse(null);
        TemplateResult.Done<TemplateName> done = done(
                deleteTemplate.delete(new DeleteTemplateUseCase.Command(
                        caller.requireTenant(), caller.actor(), account, templateName, templateId)),
                "while deleting the template " + templateName);
        return new DeletedView(
                templateName.value(),
                templateId == null ? null : templateId.value(),
                done.wabaId().value(),
                true);
    }

    /** The change done, or the answer that says why not (thrown). */
    private static <T> TemplateResult.Done<T> done(TemplateResult<T> result, String step) {
        return result.match(
                done -> done,
                () -> {
                    throw ConfigResponses.notFound();
                },
                refusal -> {
                    throw ConfigResponses.refused(refusal);
                },
                failed -> {
                    throw failure(failed.failure(), failed.wabaId(), step);
                });
    }

    /**
     * Meta's failure as HTTP, as onboarding's: Meta's own words and trace id. A refusal of the
     * template itself (a name taken, content Meta's review rules out) is the caller's to fix: 400.
     */
    private static ApiException failure(MetaFailure failure, MetaId wabaId, String step) {
        String where = step + " in the WhatsApp Business Account " + wabaId;
        String nothing = " Nothing was changed here.";
        if (failure.kind() == MetaFailure.Kind.TOKEN_INVALID) {
            return new ApiException(
                    400,
                    "Meta no longer accepts the account's access token (" + where + "): " + MetaAnswers.words(failure)
                            + "." + nothing + " Run the WhatsApp signup again to re-authorize the account.");
        }
        if (failure.kind() == MetaFailure.Kind.REJECTED) {
            return new ApiException(
                    400, "Meta refused the request " + where + ": " + MetaAnswers.words(failure) + "." + nothing);
        }
        return MetaAnswers.failed(failure, where, nothing, nothing + " Try again later.");
    }
}
