package io.tenantconfig.domain.health;

import io.tenantconfig.domain.AccountStanding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * This health with the account's standing as its Meta lifecycle webhooks last told it: the
     * reason of the previous standing replaced by that of {@code standing} (none in good
     * standing), the state the worst of the reasons again.
     */
    public Health withStanding(AccountStanding standing) {
        List<HealthReason> kept = new ArrayList<>(reasons.stream()
                .filter(reason -> !HealthRules.isStandingReason(reason))
                .toList());
        HealthRules.standingReason(standing).ifPresent(kept::add);
        kept.sort(Comparator.comparing(HealthReason::state));
        HealthState worst = kept.isEmpty()
                ? (checkedAt == null ? HealthState.UNKNOWN : HealthState.HEALTHY)
                : kept.get(0).state();
        return new Health(worst, kept, checkedAt, tokenExpiresAt, numbers, failedAt, lastError);
    }

    /** Whether the state differs from {@code before}'s (what makes a {@code health.changed} event). */
    public boolean changedFrom(Health before) {
        return state != before.state || !codes().equals(before.codes());
    }

    private List<String> codes() {
        return reasons.stream().map(HealthReason::code).toList();
    }
}
