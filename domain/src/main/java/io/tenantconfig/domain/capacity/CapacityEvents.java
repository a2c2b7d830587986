package io.tenantconfig.domain.capacity;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Meta's capacity webhooks mean for numbers' {@link NumberCapacity}. Reads the scalar values
 * of the change (flattened, as {@code AccountEvents} reads them) and gives the update that
 * follows, or nothing when the change says nothing of capacity. Pure.
 *
 * <ul>
 *   <li>{@code phone_number_quality_update}
 *       (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/phone_number_quality_update):
 *       {@code event} {@code THROUGHPUT_UPGRADE} raises the number named by
 *       {@code display_phone_number} to Meta's {@code HIGH} throughput;
 *       {@code max_daily_conversations_per_business} (else the older {@code current_limit}) is the
 *       portfolio's messaging limit tier.
 *   <li>{@code business_capability_update}
 *       (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/business_capability_update):
 *       {@code max_daily_conversations_per_business} (else the older
 *       {@code max_daily_conversation_per_phone}) is the portfolio's limit as a number (250, 2000,
 *       10000, 100000, -1 for unlimited), for every number of the account.
 * </ul>
 */
public final class CapacityEvents {

    /** Meta's field of a number's throughput and the portfolio's messaging limit. */
    public static final String QUALITY_UPDATE = "phone_number_quality_update";
    /** Meta's field of the account's or portfolio's capabilities (messaging limit, numbers allowed). */
    public static final String CAPABILITY_UPDATE = "business_capability_update";

    /** The fields that can change numbers' capacity. */
    public static final Set<String> FIELDS = Set.of(QUALITY_UPDATE, CAPABILITY_UPDATE);

    private static final String THROUGHPUT_UPGRADE = "THROUGHPUT_UPGRADE";
    private static final String PORTFOLIO_LIMIT = "max_daily_conversations_per_business";

    private static final Map<String, String> TIERS = Map.of(
            "250", "TIER_250",
            "2000", "TIER_2K",
            "10000", "TIER_10K",
            "100000", "TIER_100K",
            "-1", "TIER_UNLIMITED");

    private CapacityEvents() {}

    /** The capacity update a change of {@code field} with these values makes; empty when it says nothing of capacity. */
    public static Optional<CapacityUpdate> updateFrom(String field, Map<String, String> values) {
        CapacityUpdate update;
        if (QUALITY_UPDATE.equals(field)) {
            String digits = digits(values.get("display_phone_number"));
            boolean upgraded = THROUGHPUT_UPGRADE.equals(values.get("event"));
            String tier = tier(values.getOrDefault(PORTFOLIO_LIMIT, values.get("current_limit")));
            update = new CapacityUpdate(digits, upgraded && digits != null ? NumberCapacity.HIGH : null, tier);
        } else if (CAPABILITY_UPDATE.equals(field)) {
            update = new CapacityUpdate(
                    null,
                    null,
                    tier(values.getOrDefault(PORTFOLIO_LIMIT, values.get("max_daily_conversation_per_phone"))));
        } else {
            return Optional.empty();
        }
        return update.saysSomething() ? Optional.of(update) : Optional.empty();
    }

    /** Meta's tier: as written ({@code TIER_2K}), or from the number of a capability update ({@code 2000}). */
    private static String tier(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.startsWith("TIER_")) {
            return NumberCapacity.word(trimmed);
        }
        return TIERS.get(trimmed);
    }

    /** The digits of a display number ({@code +1 555-078-3881} -> {@code 15550783881}); null when it has none. */
    public static String digits(String displayNumber) {
        if (displayNumber == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < displayNumber.length() && digits.length() <= NumberCapacity.MOST_LENGTH; i++) {
            char c = displayNumber.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.length() == 0 || digits.length() > NumberCapacity.MOST_LENGTH ? null : digits.toString();
    }
}
