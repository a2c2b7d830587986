package io.tenantconfig.domain.health;

import io.tenantconfig.domain.Accounts;
import io.tenantconfig.domain.MetaId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The outcome of the last check of a tenant that reached Meta: its reasons (worst first, and the
 * state follows from them), when it ran, when the primary account's token expires ({@code null}:
 * never, or not known), what Meta said about each number, each account the check reached; and,
 * when the latest attempt could not reach Meta (for every account, or for some), that attempt's
 * time and error (what was not reached then keeps its last state known).
 */
public record Health(
        List<HealthReason> reasons,
        Instant checkedAt,
        Instant tokenExpiresAt,
        List<NumberHealth> numbers,
        Instant failedAt,
        String lastError,
        List<AccountHealth> accounts) {

    /** A tenant never checked. */
    public static final Health NEVER_CHECKED = new Health(List.of(), null, null, List.of(), null, null);

    public Health {
        reasons = reasons.stream()
                .sorted(Comparator.comparing(HealthReason::state))
                .toList();
        numbers = List.copyOf(numbers);
        accounts = List.copyOf(accounts);
    }

    /** Without accounts of its own (a tenant without any, or a health stored before accounts were checked one by one). */
    public Health(
            List<HealthReason> reasons,
            Instant checkedAt,
            Instant tokenExpiresAt,
            List<NumberHealth> numbers,
            Instant failedAt,
            String lastError) {
        this(reasons, checkedAt, tokenExpiresAt, numbers, failedAt, lastError, List.of());
    }

    /**
     * The worst of the reasons' states; without a reason, {@code HEALTHY} once a check reached
     * Meta and {@code UNKNOWN} before.
     */
    public HealthState state() {
        return worst(reasons);
    }

    /** The reasons about the account {@code wabaId} ({@code null}: the one without an id, and the tenant as a whole), worst first. */
    public List<HealthReason> reasonsOf(MetaId wabaId) {
        return reasons.stream()
                .filter(reason -> Objects.equals(reason.wabaId(), wabaId))
                .toList();
    }

    /** The account's state: the worst of its reasons, else as the tenant's without a reason. */
    public HealthState stateOf(MetaId wabaId) {
        return worst(reasonsOf(wabaId));
    }

    /**
     * The accounts to show: those the checks reached, then any other a reason names (one Meta
     * reported on since), which has no known expiry.
     */
    public List<AccountHealth> everyAccount() {
        List<AccountHealth> all = new ArrayList<>(accounts);
        reasons.stream()
                .map(HealthReason::wabaId)
                .filter(Objects::nonNull)
                .distinct()
                .filter(id -> accounts.stream().noneMatch(a -> Objects.equals(a.wabaId(), id)))
                .forEach(id -> all.add(new AccountHealth(id, null)));
        return all;
    }

    /** This state, kept, with an attempt at {@code when} that could not reach Meta. */
    public Health unreachable(Instant when, String error) {
        return new Health(reasons, checkedAt, tokenExpiresAt, numbers, when, Objects.requireNonNull(error), accounts);
    }

    /** This health with {@code extra} reasons besides its own (what a check found beside Meta's answers). */
    public Health with(List<HealthReason> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        List<HealthReason> all = Stream.concat(extra.stream(), reasons.stream()).toList();
        return new Health(all, checkedAt, tokenExpiresAt, numbers, null, null, accounts);
    }

    /**
     * This health with each account's standing as Meta's lifecycle webhooks last told it: the
     * reasons of the previous standings replaced by those of {@code now}'s accounts (none for an
     * account in good standing), each about its account.
     */
    public Health withStanding(Accounts now) {
        List<HealthReason> kept = Stream.concat(
                        reasons.stream().filter(reason -> !reason.code().fromStanding()),
                        now.all().stream()
                                .flatMap(account -> HealthRules.standingReason(account, now.size() > 1).stream()))
                .toList();
        return new Health(kept, checkedAt, tokenExpiresAt, numbers, failedAt, lastError, accounts);
    }

    /**
     * Whether the state differs from {@code before}'s, or its reasons' codes do, or those of an
     * account both list (what makes a {@code health.changed} event).
     */
    public boolean changedFrom(Health before) {
        if (state() != before.state() || !codes(reasons).equals(codes(before.reasons))) {
            return true;
        }
        return accounts.stream()
                .map(AccountHealth::wabaId)
                .filter(id -> before.accounts.stream().anyMatch(a -> Objects.equals(a.wabaId(), id)))
                .anyMatch(id -> !codes(reasonsOf(id)).equals(codes(before.reasonsOf(id))));
    }

    private HealthState worst(List<HealthReason> these) {
        if (!these.isEmpty()) {
            return these.stream()
                    .map(HealthReason::state)
                    .reduce(HealthState::worse)
                    .orElseThrow();
        }
        return checkedAt == null ? HealthState.UNKNOWN : HealthState.HEALTHY;
    }

    private static List<HealthReason.Code> codes(List<HealthReason> these) {
        return these.stream().map(HealthReason::code).toList();
    }
}
