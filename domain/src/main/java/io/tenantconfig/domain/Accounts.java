package io.tenantconfig.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A tenant's WhatsApp Business Accounts in the order they were added. Each appears once, and at
 * most one is unnamed (set up by hand before its {@code waba_id} is known): the constructor
 * refuses anything else. Which account holds which number is the numbers' to say
 * ({@link PhoneNumber#wabaId}); {@link TenantConfig} keeps the two in step.
 */
public record Accounts(List<Account> all) {

    /** The most accounts a tenant may ever have; the service may be configured to allow fewer. */
    public static final int MOST = 100;

    public static final Accounts NONE = new Accounts(List.of());

    public Accounts {
        all = List.copyOf(all);
        Set<MetaId> ids = new HashSet<>();
        for (Account account : all) {
            if (!ids.add(account.wabaId())) {
                throw new IllegalArgumentException(
                        account.wabaId() == null
                                ? "a configuration has at most one account without a waba_id"
                                : "the account " + account.wabaId() + " appears twice");
            }
        }
    }

    /** The account named {@code wabaId}; {@code null} finds the unnamed one. */
    public Optional<Account> find(MetaId wabaId) {
        return all.stream().filter(account -> account.is(wabaId)).findFirst();
    }

    public boolean contains(MetaId wabaId) {
        return find(wabaId).isPresent();
    }

    public int size() {
        return all.size();
    }

    /** {@code account} added at the end; refused when the tenant has as many as it may. */
    Ruling<Accounts> added(Account account, int limit) {
        int most = Math.min(limit, MOST);
        if (all.size() >= most) {
            return Ruling.refused(
                    Refusal.Reason.TOO_MANY_ACCOUNTS,
                    "a configuration holds at most " + most
                            + " WhatsApp Business Accounts; remove one before adding another");
        }
        List<Account> more = new ArrayList<>(all);
        more.add(account);
        return Ruling.allowed(new Accounts(more));
    }

    /** The account named {@code wabaId} replaced, in its place, by what {@code change} makes of it; the same when there is none. */
    Accounts updated(MetaId wabaId, UnaryOperator<Account> change) {
        return new Accounts(
                all.stream().map(a -> a.is(wabaId) ? change.apply(a) : a).toList());
    }

    /** As {@link #updated}, but an account the tenant does not have is added, made from an empty one. */
    Accounts put(MetaId wabaId, UnaryOperator<Account> change) {
        if (contains(wabaId)) {
            return updated(wabaId, change);
        }
        List<Account> more = new ArrayList<>(all);
        more.add(change.apply(Account.NONE.withIds(new WhatsAppAccount(wabaId, null))));
        return new Accounts(more);
    }

    /** Without the account named {@code wabaId}. */
    Accounts without(MetaId wabaId) {
        return new Accounts(all.stream().filter(a -> !a.is(wabaId)).toList());
    }

    /**
     * In step with {@code numbers}: an account for every one the numbers name (an empty one if it
     * is missing), and none that holds nothing at all, neither a value nor a number.
     */
    Accounts holding(PhoneNumbers numbers) {
        List<Account> kept = new ArrayList<>(all.stream()
                .filter(a -> !a.isEmpty() || !numbers.inAccount(a.wabaId()).isEmpty())
                .toList());
        numbers.all().stream()
                .map(PhoneNumber::wabaId)
                .distinct()
                .filter(wabaId -> kept.stream().noneMatch(a -> a.is(wabaId)))
                .forEach(wabaId -> kept.add(Account.NONE.withIds(new WhatsAppAccount(wabaId, null))));
        return new Accounts(kept);
    }
}
