package io.tenantconfig.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.application.port.in.ReceiveWebhookUseCase.WebhookChange;
import io.tenantconfig.domain.MetaId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a verified body becomes changes: what is read from Meta's JSON, and what is refused. */
class WebhookBodyTest {

    private static List<WebhookChange> changes(String entries) {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[" + entries + "]}";
        return WebhooksResource.changesIn(body.getBytes(StandardCharsets.UTF_8));
    }

    private static WebhookChange one(String field, String value) {
        return changes("{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"" + field + "\",\"value\":" + value
                        + "}]}")
                .get(0);
    }

    @Test
    void a_lifecycle_value_is_read_as_dotted_paths_through_objects_and_arrays() {
        WebhookChange change = one("account_update", """
                {"event":"ACCOUNT_RESTRICTION","phone_number":"15550100000",
                 "restriction_info":[{"restriction_type":"RESTRICTED_ADD_PHONE_NUMBER_ACTION","expiration":1764547200}],
                 "ban_info":{"waba_ban_state":"DISABLE","waba_ban_date":"2026-11-30"}}""");

        assertThat(change.facts())
                .containsEntry("event", "ACCOUNT_RESTRICTION")
                .containsEntry("restriction_info.0.restriction_type", "RESTRICTED_ADD_PHONE_NUMBER_ACTION")
                .containsEntry("restriction_info.0.expiration", "1764547200")
                .containsEntry("ban_info.waba_ban_state", "DISABLE")
                .containsEntry("ban_info.waba_ban_date", "2026-11-30")
                .hasSize(6);
        assertThat(change.accountId()).isEqualTo(MetaId.parse("102290129340398"));
    }

    /**
     * Meta's published "Partner app installed" example of the account_update reference
     * (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/account_update),
     * in the envelope of the page's syntax ({@code field} in the change, {@code object} at the root).
     */
    @Test
    void a_partner_event_is_about_the_customers_account_not_the_partners_business_in_the_entry() {
        WebhookChange change = changes("""
                        {"id":"2949482758682047","time":1745337174,
                         "changes":[{"value":{"event":"PARTNER_APP_INSTALLED",
                                              "waba_info":{"waba_id":"1191624265890717",
                                                           "owner_business_id":"2329417887457253",
                                                           "partner_app_id":"5731794616896507",
                                                           "solution_id":"1715120619246906",
                                                           "solution_partner_business_ids":["2949482758682047","520744086200222"]}},
                                     "field":"account_update"}]}""").get(0);

        assertThat(change.accountId()).isEqualTo(MetaId.parse("2949482758682047"));
        assertThat(change.account()).isEqualTo(MetaId.parse("1191624265890717"));
        assertThat(change.facts())
                .containsEntry("event", "PARTNER_APP_INSTALLED")
                .containsEntry("waba_info.owner_business_id", "2329417887457253")
                .containsEntry("waba_info.partner_app_id", "5731794616896507");
    }

    @Test
    void a_change_without_a_customer_account_or_with_one_that_is_no_id_is_about_the_entrys_account() {
        assertThat(one("account_update", "{\"event\":\"ACCOUNT_DELETED\"}").account())
                .isEqualTo(MetaId.parse("102290129340398"));
        assertThat(one("account_update", "{\"event\":\"PARTNER_REMOVED\",\"waba_info\":{\"waba_id\":\"x1\"}}")
                        .account())
                .isEqualTo(MetaId.parse("102290129340398"));
        assertThat(one("messages", "{\"waba_info\":{\"waba_id\":\"1191624265890717\"}}")
                        .account())
                .as("only the lifecycle fields are read")
                .isEqualTo(MetaId.parse("102290129340398"));
    }

    @Test
    void only_lifecycle_fields_are_read_for_facts_and_the_reading_is_bounded() {
        assertThat(one("messages", "{\"event\":\"ACCOUNT_DELETED\"}").facts()).isEmpty();

        WebhookChange deep = one("account_update", "{\"a\":{\"b\":{\"c\":\"three\",\"d\":{\"e\":\"four\"}}}}");
        assertThat(deep.facts()).containsExactly(Map.entry("a.b.c", "three"));
        WebhookChange deepArrays = one("account_update", "{\"a\":[[\"three\",[\"four\"]]]}");
        assertThat(deepArrays.facts()).containsExactly(Map.entry("a.0.0", "three"));

        WebhookChange longValue =
                one("account_update", "{\"exactly\":\"" + "x".repeat(300) + "\",\"over\":\"" + "y".repeat(301) + "\"}");
        assertThat(longValue.facts().get("exactly")).hasSize(300);
        assertThat(longValue.facts().get("over")).isEqualTo("y".repeat(300));

        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 150; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        assertThat(one("account_update", many.append("}").toString()).facts()).hasSize(100);
    }

    @Test
    void the_message_id_is_kept_only_for_a_change_with_exactly_one_message() {
        assertThat(one("messages", "{\"messages\":[{\"id\":\"wamid.1\"}]}").messageId())
                .isEqualTo("wamid.1");
        assertThat(one("messages", "{\"messages\":[{\"id\":\"wamid.1\"},{\"id\":\"wamid.2\"}]}")
                        .messageId())
                .isNull();
        assertThat(one("messages", "{\"messages\":{\"id\":\"wamid.1\"}}").messageId())
                .isNull();
        assertThat(one("messages", "{\"statuses\":[{\"id\":\"wamid.1\"}]}").messageId())
                .isNull();
    }

    @Test
    void ids_are_read_from_text_or_whole_numbers_and_anything_else_is_no_id() {
        assertThat(one("messages", "{\"metadata\":{\"phone_number_id\":\"106540352242922\"}}")
                        .phoneNumberId())
                .isEqualTo(MetaId.parse("106540352242922"));
        assertThat(one("messages", "{\"metadata\":{\"phone_number_id\":106540352242922}}")
                        .phoneNumberId())
                .isEqualTo(MetaId.parse("106540352242922"));
        assertThat(one("messages", "{\"metadata\":{\"phone_number_id\":1.5}}").phoneNumberId())
                .isNull();
        assertThat(one("messages", "{\"metadata\":{\"phone_number_id\":\"not-an-id\"}}")
                        .phoneNumberId())
                .isNull();
        assertThat(changes("{\"id\":\"acme\",\"changes\":[{\"field\":\"messages\",\"value\":{}}]}")
                        .get(0)
                        .accountId())
                .isNull();
    }

    @Test
    void a_field_may_have_up_to_a_hundred_characters() {
        assertThat(one("f".repeat(100), "{}").field()).hasSize(100);
        assertThatThrownBy(() -> one("f".repeat(101), "{}"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Each change needs a field of 1 to 100 characters.");
        assertThatThrownBy(() -> one("", "{}")).isInstanceOf(ApiException.class);
    }

    @Test
    void every_entry_and_every_change_of_a_batch_is_read_in_order() {
        List<WebhookChange> batch = changes("""
                {"id":"1","changes":[{"field":"messages","value":{"n":1}},{"field":"statuses","value":{"n":2}}]},
                {"id":"2","changes":[{"field":"messages","value":{"n":3}}]}""");

        assertThat(batch).extracting(WebhookChange::valueJson).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        assertThat(batch).extracting(c -> c.accountId().value()).containsExactly("1", "1", "2");
    }
}
