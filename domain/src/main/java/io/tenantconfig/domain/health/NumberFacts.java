package io.tenantconfig.domain.health;

import io.tenantconfig.domain.MetaId;
import java.util.Objects;

/**
 * What Meta says about one number ({@code GET /{phone_number_id}}): its {@code status}
 * ({@code CONNECTED}...), {@code quality_rating} ({@code GREEN}, {@code YELLOW}, {@code RED}),
 * {@code name_status}, and {@code health_status.can_send_message} ({@code AVAILABLE},
 * {@code LIMITED}, {@code BLOCKED}; {@code null} where the Graph version has no health status);
 * {@code known} is false when Meta answered that there is no such number for this token.
 */
public record NumberFacts(
        MetaId id, boolean known, String status, String qualityRating, String nameStatus, String canSendMessage) {

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
}
