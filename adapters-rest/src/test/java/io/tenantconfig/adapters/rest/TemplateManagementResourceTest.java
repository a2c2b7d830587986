package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditRecord;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TokenGrant;
import io.tenantconfig.domain.WhatsAppAccount;
import io.tenantconfig.testing.SecretValues;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Creating and deleting templates through the API: Meta's body checked by field before Meta is
 * asked, Meta's answer passed on, Meta's refusals in Meta's words, each change audited. Bodies are
 * Meta's published examples ("Template management",
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management/).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TemplateManagementResourceTest {

    private static final ApiFixture FIXTURE = ApiFixture.withHs256();
    static final ResourceExtension API = FIXTURE.resources;

    private static final String TEMPLATES = TemplatesResource.PATH;
    private static final String ACME_USER = Tokens.hs256(Tokens.user("acme"));
    private static final String ACME_WABA = TestConfigs.wabaIdOf("acme");

    /** Meta's "coupon_expiration_reminder_number_vars" example, positional parameters. */
    private static final String COUPON_REMINDER = """
            {"name": "coupon_expiration_reminder_number_vars", "language": "en_US", "category": "MARKETING",
             "parameter_format": "POSITIONAL",
             "components": [
               {"type": "HEADER", "format": "TEXT", "text": "Act fast, {{1}}!", "example": {"header_text": ["Pablo"]}},
               {"type": "BODY",
                "text": "Just a quick reminder, your exclusive coupon code, {{1}}, *expires in only {{2}} days!*",
                "example": {"body_text": [["SUMMER20", "10"]]}},
               {"type": "FOOTER", "text": "Lucky Shrub Succulents"},
               {"type": "BUTTONS", "buttons": [
                 {"type": "URL", "text": "See deals", "url": "https://www.luckyshrub.com/deals"},
                 {"type": "QUICK_REPLY", "text": "Unsubscribe"}]}]}
            """;

    @BeforeEach
    void acmeHasOneAccount() {
        FIXTURE.clear();
        FIXTURE.insert(TestConfigs.aConfig("acme").build());
        auditedBefore = FIXTURE.store.auditTrail().size();
    }

    private static Invocation.Builder as(String token, String path) {
        return as(token, path, null, null);
    }

    private static Invocation.Builder as(String token, String path, String parameter, String value) {
        jakarta.ws.rs.client.WebTarget target = API.target(path);
        if (parameter != null) {
            target = target.queryParam(parameter, value);
        }
        return target.request().header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private static Response create(String body) {
        return as(ACME_USER, TEMPLATES).post(Entity.entity(body, MediaType.APPLICATION_JSON));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return response.readEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldsAtFault(Response response) {
        assertThat(response.getStatus()).isEqualTo(422);
        return ((List<Map<String, String>>) body(response).get("errors"))
                .stream().map(error -> error.get("field")).toList();
    }

    /** The audit trail outlives {@link ApiFixture#clear}: what each test adds to it. */
    private int auditedBefore;

    private List<AuditAction> audited() {
        List<AuditRecord> trail = FIXTURE.store.auditTrail();
        return trail.subList(auditedBefore, trail.size()).stream()
                .map(AuditRecord::entry)
                .map(entry -> entry.action())
                .toList();
    }

    @Test
    void a_template_meta_would_take_is_created_in_the_account_and_metas_answer_comes_back_audited() {
        FIXTURE.metaTemplates.createsTemplate("594425479261596");
        int before = FIXTURE.metaTemplates.calls().size();

        Response response = create(COUPON_REMINDER);

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(body(response))
                .containsEntry("id", "594425479261596")
                .containsEntry("status", "PENDING")
                .containsEntry("category", "MARKETING")
                .containsEntry("name", "coupon_expiration_reminder_number_vars")
                .containsEntry("language", "en_US")
                .containsEntry("waba_id", ACME_WABA);
        assertThat(FIXTURE.metaTemplates
                        .calls()
                        .subList(before, FIXTURE.metaTemplates.calls().size()))
                .singleElement()
                .satisfies(call -> assertThat(call.wabaId().value()).isEqualTo(ACME_WABA));
        assertThat(audited()).containsExactly(AuditAction.TEMPLATE_CREATED);
    }

    @Test
    void a_body_meta_would_refuse_is_422_naming_every_field_and_meta_is_not_asked() {
        int before = FIXTURE.metaTemplates.calls().size();

        Response response = create("""
                {"name": "Order Shipped", "language": "english", "category": "PROMOTIONAL",
                 "components": [{"type": "BODY", "text": "Hi {{1}}, it shipped."}]}
                """);

        assertThat(fieldsAtFault(response)).containsExactly("name", "language", "category");
        assertThat(FIXTURE.metaTemplates.calls()).hasSize(before);
        assertThat(audited()).isEmpty();
    }

    @Test
    void a_component_meta_would_refuse_is_named_by_its_place_in_the_body() {
        Response response = create("""
                {"name": "order_shipped", "language": "en_US", "category": "UTILITY",
                 "components": [
                   {"type": "BODY", "text": "Hello {{1}}, your order {{2}} has shipped.",
                    "example": {"body_text": [["Pablo"]]}},
                   {"type": "FOOTER", "text": "Thanks, {{1}}"},
                   {"type": "BUTTONS", "buttons": [{"type": "PHONE_NUMBER", "text": "Call us"}]}]}
                """);

        assertThat(fieldsAtFault(response))
                .containsExactly(
                        "components[0].example.body_text",
                        "components[1].text",
                        "components[2].buttons[0].phone_number");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{\"name\": 7}",
                "{\"name\": \"a\", \"language\": \"en\", \"category\": \"UTILITY\", \"components\": [null]}",
                "{\"name\": \"a\", \"language\": \"en\", \"category\": \"UTILITY\", \"components\": {}}",
                "{\"name\": \"a\", \"language\": \"en\", \"category\": \"UTILITY\", \"components\": [{\"type\": 1}]}",
                "{\"name\": \"a\", \"language\": \"en\", \"category\": \"UTILITY\","
                        + " \"components\": [{\"type\": \"BODY\", \"text\": \"x\", \"colour\": \"red\"}]}",
                "{\"name\": \"a\", \"language\": \"en\", \"category\": \"UTILITY\", \"components\":"
                        + " [{\"type\": \"BODY\", \"text\": \"Hi {{1}} there\", \"example\": {\"body_text\": [null]}}]}",
                "{\"name\": \"a\", \"language\": \"en\", \"category\": \"UTILITY\", \"components\":"
                        + " [{\"type\": \"BODY\", \"text\": \"Hi there\"}, {\"type\": \"BUTTONS\", \"buttons\":"
                        + " [null, {\"type\": \"URL\", \"text\": \"Go\", \"url\": \"https://a.example\","
                        + " \"example\": [null]}]}]}",
                "{\"name\": \"a\", \"language\": \"en\", \"category\": \"UTILITY\", \"components\":"
                        + " [{\"type\": \"BODY\", \"text\": \"Hi {{x}} there\", \"example\":"
                        + " {\"body_text_named_params\": [null, {\"param_name\": null}]}}]}",
                "{\"name\": \"a\", \"language\": \"en\", \"category\": \"UTILITY\", \"parameter_format\": \"NAMED\","
                        + " \"components\": [{\"type\": \"BODY\", \"text\": \"Hi {{x}} there\", \"example\":"
                        + " {\"body_text_named_params\": [null, {\"param_name\": null}]}}]}"
            })
    void bad_input_is_answered_as_such_never_with_a_500(String body) {
        int status = create(body).getStatus();

        assertThat(status).isBetween(400, 499);
    }

    @Test
    void with_several_accounts_the_account_is_named_by_waba_id() {
        Secret second = Secret.of(SecretValues.secret("EAAG-token-of-acmes-second-account"));
        FIXTURE.clear();
        FIXTURE.insert(TestConfigs.aConfig("acme")
                .otherAccount(new Account(
                        new WhatsAppAccount(MetaId.parse("102290129340399"), null),
                        new TokenGrant(second, null, null, null),
                        "SYSTEM_USER",
                        Set.of(),
                        AccountStanding.GOOD,
                        null))
                .build());

        Response unnamed = create(COUPON_REMINDER);
        Response named = as(ACME_USER, TEMPLATES, "waba_id", "102290129340399")
                .post(Entity.entity(COUPON_REMINDER, MediaType.APPLICATION_JSON));
        Response unknown = as(ACME_USER, TEMPLATES, "waba_id", "555")
                .post(Entity.entity(COUPON_REMINDER, MediaType.APPLICATION_JSON));

        assertThat(unnamed.getStatus()).isEqualTo(422);
        assertThat(body(unnamed).get("detail").toString()).containsIgnoringCase("waba_id: required");
        assertThat(named.getStatus()).isEqualTo(201);
        assertThat(body(named)).containsEntry("waba_id", "102290129340399");
        assertThat(FIXTURE.metaTemplates
                        .calls()
                        .get(FIXTURE.metaTemplates.calls().size() - 1)
                        .token()
                        .reveal())
                .isEqualTo(second.reveal());
        assertThat(unknown.getStatus()).isEqualTo(404);
    }

    @Test
    void metas_refusal_is_answered_in_metas_words_and_nothing_is_audited() {
        FIXTURE.metaTemplates.failsWith(new MetaFailure(
                MetaFailure.Kind.REJECTED,
                "Invalid parameter (Content in this language already exists: There is already English content for"
                        + " this template.)",
                100,
                2388024,
                "AzxqRk7-Mh2bHoB8xV0tq3c",
                null));

        Response response = create(COUPON_REMINDER);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).get("detail").toString())
                .contains("Meta refused the request while creating the template"
                        + " coupon_expiration_reminder_number_vars (en_US)")
                .contains("There is already English content for this template")
                .contains("fbtrace_id: AzxqRk7-Mh2bHoB8xV0tq3c")
                .contains("Nothing was changed");
        assertThat(audited()).isEmpty();
    }

    @Test
    void meta_rate_limiting_is_429_with_when_to_try_again() {
        FIXTURE.metaTemplates.failsWith(new MetaFailure(
                MetaFailure.Kind.RATE_LIMITED, "(#80008) Too many calls", 80008, null, null, Duration.ofSeconds(60)));

        Response response = create(COUPON_REMINDER);

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
    }

    @Test
    void a_template_is_deleted_in_every_language_or_one_by_its_hsm_id_each_audited() {
        Response all = as(ACME_USER, TEMPLATES + "/order_confirmation").delete();
        Response one = as(ACME_USER, TEMPLATES + "/order_confirmation", "hsm_id", "1407680676729941")
                .delete();

        assertThat(all.getStatus()).isEqualTo(200);
        assertThat(body(all))
                .containsEntry("name", "order_confirmation")
                .containsEntry("hsm_id", null)
                .containsEntry("waba_id", ACME_WABA)
                .containsEntry("deleted", true);
        assertThat(body(one)).containsEntry("hsm_id", "1407680676729941");
        List<io.tenantconfig.application.fixtures.ScriptedMetaTemplates.Call> calls = FIXTURE.metaTemplates.calls();
        assertThat(calls.get(calls.size() - 1).templateId()).isEqualTo(MetaId.parse("1407680676729941"));
        assertThat(audited()).containsExactly(AuditAction.TEMPLATE_DELETED, AuditAction.TEMPLATE_DELETED);
    }

    @Test
    void a_template_meta_does_not_have_is_metas_refusal_in_its_words() {
        FIXTURE.metaTemplates.failsWith(new MetaFailure(
                MetaFailure.Kind.REJECTED,
                "Invalid parameter (Message template not found: The message template order_confirmation wasn't"
                        + " found for this account.)",
                100,
                2593002,
                "A1b2C3d4",
                null));

        Response response = as(ACME_USER, TEMPLATES + "/order_confirmation").delete();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).get("detail").toString()).contains("Message template not found");
        assertThat(audited()).isEmpty();
    }

    @Test
    void a_name_or_id_that_cannot_be_metas_is_422_by_parameter() {
        assertThat(fieldsAtFault(as(ACME_USER, TEMPLATES + "/Order-Shipped").delete()))
                .containsExactly("name");
        assertThat(fieldsAtFault(as(ACME_USER, TEMPLATES + "/order_shipped", "hsm_id", "abc")
                        .delete()))
                .containsExactly("hsm_id");
        assertThat(fieldsAtFault(as(ACME_USER, TEMPLATES, "waba_id", "x")
                        .post(Entity.entity(COUPON_REMINDER, MediaType.APPLICATION_JSON))))
                .containsExactly("waba_id");
    }

    @Test
    void a_tenant_without_a_configuration_is_404() {
        FIXTURE.clear();

        assertThat(create(COUPON_REMINDER).getStatus()).isEqualTo(404);
        assertThat(as(ACME_USER, TEMPLATES + "/order_confirmation").delete().getStatus())
                .isEqualTo(404);
    }
}
