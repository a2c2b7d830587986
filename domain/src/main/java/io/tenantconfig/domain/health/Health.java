package io.tenantconfig.domain.health;

import io.tenantconfig.domain.AccountStanding;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The outcome of the last check of a tenant that reached Meta: its reasons (worst first, and the
 * state follows from them), when it ran, when the token expires ({@code null}: never, or not
 * known), what Meta said about each number; and, when the latest attempt could not reach Meta,
 * that attempt's time and error (the state is then still the last one known).
 */
public record Health(
        List<HealthReason> reasons,
        Instant checkedAt,
        Instant tokenExpiresAt,
        List<NumberHealth> numbers,
        Instant failedAt,
        String lastError) {

    /** A tenant never checked. */
    public static final Health NEVER_CHECKED = new Health(List.of(), null, null, List.of(), null, null);

    public Health {
        reasons = reasons.stream()
                .sorted(Comparator.comparing(HealthReason::state))
                .toList();
        numbers = List.copyOf(numbers);
    }

    /**
     * The worst of the reasons' states; without a reason, {@code HEALTHY} once a check reached
     * Meta and {@code UNKNOWN} before.
     */
    public HealthState state() {
        if (!reasons.isEmpty()) {
            return reasons.get(0).state();
        }
        return checkedAt == null ? HealthState.UNKNOWN : HealthState.HEALTHY;
    }

    /** This state, kept, with an attempt at {@code when} that could not reach Meta. */
    public Health unreachable(Instant when, String error) {
        return new Health(reasons, checkedAt, tokenExpiresAt, numbers, when, Objects.requireNonNull(error));
    }

    /** This health with {@code extra} reasons besides its own (what a check found beside Meta's answers). */
    public Health with(List<HealthReason> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        List<HealthReason> all = Stream.concat(extra.stream(), reasons.stream()).toList();
        return new Health(all, checkedAt, tokenExpiresAt, numbers, null, null);
    }

    /**
     * This health with the account's standing as its Meta lifecycle webhooks last told it: the
     * reason of the previous standing replaced by that of {@code standing} (none in good standing).
     */
    public Health withStanding(AccountStanding standing) {
        List<HealthReason> kept = Stream.concat(
                        reasons.stream().filter(reason -> !reason.code().fromStanding()),
                        HealthRules.standingReason(standing).stream())
                .toList();
        return new Health(kept, checkedAt, tokenExpiresAt, numbers, failedAt, lastError);
    }

    /** Whether the state differs from {@code before}'s (what makes a {@code health.changed} event). */
    public boolean changedFrom(Health before) {
        return state() != before.state() || !codes().equals(before.codes());
    }

    private List<HealthReason.Code> codes() {
        return reasons.stream().map(HealthReason::code).toList();
    }
}
