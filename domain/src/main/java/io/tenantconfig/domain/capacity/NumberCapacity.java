package io.tenantconfig.domain.capacity;

import java.util.regex.Pattern;

/**
 * How fast and how far one number may send, as Meta last said: its {@code throughput.level}
 * ({@code STANDARD}, {@code HIGH}, {@code NOT_APPLICABLE}), its {@code quality_rating}
 * ({@code GREEN}, {@code YELLOW}, {@code RED}...), the messaging limit of its business portfolio
 * ({@code TIER_250}, {@code TIER_2K}, {@code TIER_10K}, {@code TIER_100K}, {@code TIER_UNLIMITED};
 * Meta sets it per portfolio since October 2025) and its {@code name_status}. Each is {@code null}
 * while Meta has not said it (a number never checked). Values are Meta's words, kept only when
 * they look like one (capitals, digits and underscores, at most {@value #MOST_LENGTH} characters):
 * anything else is taken as not said.
 */
public record NumberCapacity(
        String throughputLevel, String qualityRating, String messagingLimitTier, String nameStatus) {

    /** Meta's default throughput of a Cloud API number (https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput). */
    public static final int STANDARD_MESSAGES_PER_SECOND = 80;
    /** After Meta's automatic upgrade ({@code throughput.level} {@code HIGH}). */
    public static final int HIGH_MESSAGES_PER_SECOND = 1_000;
    /** A number used with the WhatsApp Business app as well (coexistence), whatever its level says. */
    public static final int COEXISTENCE_MESSAGES_PER_SECOND = 20;

    /** Meta's throughput level after its upgrade. */
    public static final String HIGH = "HIGH";

    /** Nothing said yet. */
    public static final NumberCapacity UNKNOWN = new NumberCapacity(null, null, null, null);

    static final int MOST_LENGTH = 32;
    private static final Pattern META_WORD = Pattern.compile("[A-Z0-9_]{1," + MOST_LENGTH + "}");

    public NumberCapacity {
        throughputLevel = word(throughputLevel);
        qualityRating = word(qualityRating);
        messagingLimitTier = word(messagingLimitTier);
        nameStatus = word(nameStatus);
    }

    /**
     * How many messages a second the number may send: 20 for a coexistence number, 1,000 at
     * Meta's {@code HIGH} level, else Meta's default 80 (a number never checked included).
     */
    public int messagesPerSecond(boolean coexistence) {
        if (coexistence) {
            return COEXISTENCE_MESSAGES_PER_SECOND;
        }
        return HIGH.equals(throughputLevel) ? HIGH_MESSAGES_PER_SECOND : STANDARD_MESSAGES_PER_SECOND;
    }

    /**
     * This capacity, of the number whose display number has {@code displayDigits}, with what an
     * update says of it; what it does not say stays.
     */
    public NumberCapacity with(CapacityUpdate update, String displayDigits) {
        boolean named = update.displayDigits() != null && update.displayDigits().equals(displayDigits);
        return new NumberCapacity(
                named && update.throughputLevel() != null ? update.throughputLevel() : throughputLevel,
                qualityRating,
                update.messagingLimitTier() != null ? update.messagingLimitTier() : messagingLimitTier,
                nameStatus);
    }

    /** {@code value} when it looks like one of Meta's words, else {@code null}. */
    static String word(String value) {
        return value != null && META_WORD.matcher(value).matches() ? value : null;
    }
}
