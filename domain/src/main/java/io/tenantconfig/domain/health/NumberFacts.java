package io.tenantconfig.domain.health;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.capacity.NumberCapacity;
import java.util.Objects;

/**
 * What Meta says about one number ({@code GET /{phone_number_id}}): its {@code status}
 * ({@code CONNECTED}...), {@code quality_rating} ({@code GREEN}, {@code YELLOW}, {@code RED}),
 * {@code name_status}, and {@code health_status.can_send_message} ({@code AVAILABLE},
 * {@code LIMITED}, {@code BLOCKED}; {@code null} where the Graph version has no health status),
 * its {@code throughput.level} and its business portfolio's
 * {@code whatsapp_business_manager_messaging_limit} ({@code null}: not answered); {@code known}
 * is false when Meta answered that there is no such number for this token.
 */
public record NumberFacts(
        MetaId id,
        boolean known,
        String status,
        String qualityRating,
        String nameStatus,
        String canSendMessage,
        String throughputLevel,
        String messagingLimitTier) {

    /** Without capacity (tests that do not need it). */
    public NumberFacts(
            MetaId id, boolean known, String status, String qualityRating, String nameStatus, String canSendMessage) {
        this(id, known, status, qualityRating, nameStatus, canSendMessage, null, null);
    }

    /** Without a health status (Graph versions before it, or tests that do not need it). */
    public NumberFacts(MetaId id, boolean known, String status, String qualityRating, String nameStatus) {
        this(id, known, status, qualityRating, nameStatus, null);
    }

    public NumberFacts {
        Objects.requireNonNull(id, "id");
    }

    public static NumberFacts unknown(MetaId id) {
        return new NumberFacts(id, false, null, null, null, null);
    }

    /** The number's capacity as Meta answered it. */
    public NumberCapacity capacity() {
        return new NumberCapacity(throughputLevel, qualityRating, messagingLimitTier, nameStatus);
    }
}
