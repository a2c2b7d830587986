package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.adapters.rest.errors.InvalidRequestException;
import io.tenantconfig.application.port.in.LookupTemplateUseCase;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.template.Template;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * For the sending code (service role only), before it sends a template from a number: the
 * template of the number's account, whether it can be sent, and how many parameters each
 * component takes. Answered from memory.
 */
@Path("/api/v1/lookup/templates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Lookup", description = "Which tenant owns a phone number or WhatsApp Business Account (service role)")
public final class TemplateLookupResource {

    private final LookupTemplateUseCase lookup;

    public TemplateLookupResource(LookupTemplateUseCase lookup) {
        this.lookup = lookup;
    }

    /** The template as the sending code needs it, with whose number asked. */
    public record TemplateLookup(
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("waba_id") String wabaId,
            @JsonProperty("phone_number_id") String phoneNumberId,
            @JsonProperty("name") String name,
            @JsonProperty("language") String language,
            @JsonProperty("status") String status,
            @JsonProperty("sendable") boolean sendable,
            @JsonProperty("category") String category,
            @JsonProperty("quality_score") String qualityScore,
            @JsonProperty("components") List<TemplateView.TemplateComponentView> components) {}

    @GET
    @Operation(
            summary = "The template of the number's account with its status, category and the parameter count of"
                    + " each component (header, body, each button); from memory")
    public TemplateLookup template(
            @Parameter(description = "The number the message is sent from") @QueryParam("phone_number_id")
                    String phoneNumberId,
            @Parameter(description = "The template's name") @QueryParam("name") String name,
            @Parameter(description = "Meta's language code, e.g. en_US") @QueryParam("language") String language) {
        if (phoneNumberId == null || phoneNumberId.isEmpty()) {
            throw InvalidRequestException.of("phone_number_id", "phone_number_id is required");
        }
        MetaId number = Parameters.required("phone_number_id", phoneNumberId, MetaId::parse);
        Template.Key key = new Template.Key(
                Parameters.required("name", name, TemplateName::parse),
                Parameters.required("language", language, TemplateLanguage::parse));
        LookupTemplateUseCase.Found found = lookup.lookup(number, key)
                .orElseThrow(() -> new ApiException(
                        404,
                        "No template " + key.name() + " in " + key.language() + " for the phone number " + number));
        Template template = found.template();
        return new TemplateLookup(
                found.owner().tenantId().value(),
                found.owner().wabaId().value(),
                number.value(),
                template.name().value(),
                template.language().value(),
                template.status().value(),
                template.status().sendable(),
                template.category() == null ? null : template.category().name(),
                template.quality() == null ? null : template.quality().value(),
                template.components().stream()
                        .map(TemplateView.TemplateComponentView::of)
                        .toList());
    }
}
