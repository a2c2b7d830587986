package io.tenantconfig.domain.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How fast a number may send, and what Meta's capacity webhooks change. */
class NumberCapacityTest {

    @Test
    void a_number_never_checked_sends_at_metas_default_of_80_a_second() {
        assertThat(NumberCapacity.UNKNOWN.messagesPerSecond(false)).isEqualTo(80);
        assertThat(new NumberCapacity("STANDARD", "GREEN", "TIER_2K", "APPROVED").messagesPerSecond(false))
                .isEqualTo(80);
        assertThat(new NumberCapacity("NOT_APPLICABLE", null, null, null).messagesPerSecond(false))
                .isEqualTo(80);
    }

    @Test
    void a_number_meta_upgraded_sends_1000_a_second_and_a_coexistence_number_20_whatever_its_level() {
        NumberCapacity high = new NumberCapacity("HIGH", "GREEN", "TIER_UNLIMITED", "APPROVED");

        assertThat(high.messagesPerSecond(false)).isEqualTo(1_000);
        assertThat(high.messagesPerSecond(true)).isEqualTo(20);
        assertThat(NumberCapacity.UNKNOWN.messagesPerSecond(true)).isEqualTo(20);
    }

    @Test
    void a_value_that_is_not_one_of_metas_words_is_taken_as_not_said() {
        NumberCapacity capacity = new NumberCapacity("high; DROP", "green", "TIER_" + "1".repeat(40), "\u0000");

        assertThat(capacity).isEqualTo(NumberCapacity.UNKNOWN);
    }

    // Meta's phone_number_quality_update example values (display number 15550783881, THROUGHPUT_UPGRADE,
    // TIER_UNLIMITED):
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/phone_number_quality_update
    @Test
    void a_throughput_upgrade_raises_the_named_number_to_high_and_the_portfolios_limit_of_every_number() {
        CapacityUpdate update = CapacityEvents.updateFrom(
                        "phone_number_quality_update",
                        Map.of(
                                "display_phone_number", "15550783881",
                                "event", "THROUGHPUT_UPGRADE",
                                "current_limit", "TIER_UNLIMITED",
                                "max_daily_conversations_per_business", "TIER_UNLIMITED"))
                .orElseThrow();
        NumberCapacity before = new NumberCapacity("STANDARD", "GREEN", "TIER_100K", "APPROVED");

        assertThat(before.with(update, "15550783881"))
                .isEqualTo(new NumberCapacity("HIGH", "GREEN", "TIER_UNLIMITED", "APPROVED"));
        assertThat(before.with(update, "15550001111"))
                .isEqualTo(new NumberCapacity("STANDARD", "GREEN", "TIER_UNLIMITED", "APPROVED"));
    }

    // Meta's published business_capability_update example ({"max_daily_conversations_per_business": 2000,
    // "max_phone_numbers_per_waba": 25}); the limit is 250, 2000, 10000, 100000 or -1 (unlimited):
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/business_capability_update
    @Test
    void a_capability_update_gives_every_number_of_the_account_the_portfolios_tier() {
        CapacityUpdate update = CapacityEvents.updateFrom(
                        "business_capability_update",
                        Map.of("max_daily_conversations_per_business", "2000", "max_phone_numbers_per_waba", "25"))
                .orElseThrow();

        assertThat(update).isEqualTo(new CapacityUpdate(null, null, "TIER_2K"));
        assertThat(CapacityEvents.updateFrom(
                        "business_capability_update", Map.of("max_daily_conversations_per_business", "-1")))
                .contains(new CapacityUpdate(null, null, "TIER_UNLIMITED"));
        assertThat(NumberCapacity.UNKNOWN.with(update, "15550783881"))
                .isEqualTo(new NumberCapacity(null, null, "TIER_2K", null));
    }

    @Test
    void a_change_that_says_nothing_of_capacity_changes_nothing() {
        assertThat(CapacityEvents.updateFrom("phone_number_quality_update", Map.of("event", "FLAGGED")))
                .isEmpty();
        assertThat(CapacityEvents.updateFrom("business_capability_update", Map.of("max_phone_numbers_per_waba", "2")))
                .isEmpty();
        assertThat(CapacityEvents.updateFrom(
                        "business_capability_update", Map.of("max_daily_conversations_per_business", "7")))
                .isEmpty();
        assertThat(CapacityEvents.updateFrom("account_update", Map.of("max_daily_conversations_per_business", "2000")))
                .isEmpty();
    }

    @Test
    void a_display_number_is_matched_by_its_digits() {
        assertThat(CapacityEvents.digits("+1 555-078-3881")).isEqualTo("15550783881");
        assertThat(CapacityEvents.digits("no digits")).isNull();
        assertThat(CapacityEvents.digits(null)).isNull();
    }
}
