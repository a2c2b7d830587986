package io.tenantconfig.domain.health;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of the last check of a tenant that reached Meta: its state with the reasons, when
 * it ran, when the token expires ({@code null}: never, or not known), what Meta said about each
 * number; and, when the latest attempt could not reach Meta, that attempt's time and error (the
 * state is then still the last one known).
 */
public record Health(
        HealthState state,
        List<HealthReason> reasons,
        Instant checkedAt,
        Instant tokenExpiresAt,
        List<NumberHealth> numbers,
        Instant failedAt,
        String lastError) {

    /** A tenant never checked. */
    public static final Health NEVER_CHECKED =
            new Health(HealthState.UNKNOWN, List.of(), null, null, List.of(), null, null);

    public Health {
        Objects.requireNonNull(state, "state");
        reasons = List.copyOf(reasons);
        numbers = List.copyOf(numbers);
    }

    /** This state, kept, with an attempt at {@code when} that could not reach Meta. */
    public Health unreachable(Instant when, String error) {
        return new Health(state, reasons, checkedAt, tokenExpiresAt, numbers, when, Objects.requireNonNull(error));
    }

    /** Whether the state differs from {@code before}'s (what makes a {@code health.changed} event). */
    public boolean changedFrom(Health before) {
        return state != before.state || !codes().equals(before.codes());
    }

    private List<String> codes() {
        return reasons.stream().map(HealthReason::code).toList();
    }
}
