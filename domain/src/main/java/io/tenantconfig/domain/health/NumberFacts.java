package io.tenantconfig.domain.health;

import io.tenantconfig.domain.MetaId;
import java.util.Objects;

/**
 * What Meta says about one number ({@code GET /{phone_number_id}}): its {@code status}
 * ({@code CONNECTED}...), {@code quality_rating} ({@code GREEN}, {@code YELLOW}, {@code RED}),
 * {@code name_status}; {@code known} is false when Meta answered that there is no such number
 * for this token.
 */
public record NumberFacts(MetaId id, boolean known, String status, String qualityRating, String nameStatus) {

    public NumberFacts {
        Objects.requireNonNull(id, "id");
    }

    public static NumberFacts unknown(MetaId id) {
        return new NumberFacts(id, false, null, null, null);
    }
}
