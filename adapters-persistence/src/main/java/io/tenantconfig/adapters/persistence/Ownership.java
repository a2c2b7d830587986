package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.capacity.NumberCapacity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one tenant owns: its accounts (each serving or not), its numbers (each in use or not, in
 * its account) and its default number, whether its configuration is switched on, and the key of
 * its webhook URL. The unit the directory reads and replaces.
 *
 * @param active whether the configuration is switched on (an account's standing is its own)
 * @param numbers in the order they were read (by account, then in the order they were added),
 *     which decides each account's own number
 */
record Ownership(
        TenantId tenantId,
        boolean active,
        List<AccountOwnership> accounts,
        MetaId defaultNumber,
        Map<MetaId, NumberOwnership> numbers,
        String webhookKey) {

    /**
     * One of the tenant's accounts: its waba_id ({@code null}: not known yet), whether Meta lets it
     * serve, and the number a lookup by account names (the default when the account holds it,
     * else its first; {@code null} when it has none), which {@link Ownership} works out once.
     */
    record AccountOwnership(MetaId wabaId, boolean serving, MetaId ownNumber) {

        AccountOwnership(MetaId wabaId, boolean serving) {
            this(wabaId, serving, null);
        }
    }

    /**
     * One of the tenant's numbers: whether the tenant uses it, its account, whether it is a WhatsApp
     * Business app's, and its capacity as Meta last said it (instances shared between numbers).
     */
    record NumberOwnership(boolean active, MetaId wabaId, boolean coexistence, NumberCapacity capacity) {

        NumberOwnership(boolean active, MetaId wabaId, boolean coexistence) {
            this(active, wabaId, coexistence, NumberCapacity.UNKNOWN);
        }
    }

    Ownership {
        List<AccountOwnership> withNumbers = new ArrayList<>();
        for (AccountOwnership account : accounts) {
            withNumbers.add(new AccountOwnership(
                    account.wabaId(), account.serving(), ownNumber(account.wabaId(), defaultNumber, numbers)));
        }
        accounts = List.copyOf(withNumbers);
        // The order mattered for the accounts' own numbers only: kept compact from here on, each
        // (account, in use) pair once, since the index holds one of these per tenant.
        Map<NumberOwnership, NumberOwnership> shared = new HashMap<>();
        Map<MetaId, NumberOwnership> compact = new HashMap<>();
        numbers.forEach((id, number) -> compact.put(id, shared.computeIfAbsent(number, n -> n)));
        numbers = Map.copyOf(compact);
    }

    private static MetaId ownNumber(MetaId wabaId, MetaId defaultNumber, Map<MetaId, NumberOwnership> numbers) {
        NumberOwnership byDefault = defaultNumber == null ? null : numbers.get(defaultNumber);
        if (byDefault != null && Objects.equals(wabaId, byDefault.wabaId())) {
            return defaultNumber;
        }
        for (Map.Entry<MetaId, NumberOwnership> entry : numbers.entrySet()) {
            if (Objects.equals(wabaId, entry.getValue().wabaId())) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** The waba_ids of its accounts that have one. */
    List<MetaId> wabaIds() {
        return accounts.stream()
                .map(AccountOwnership::wabaId)
                .filter(Objects::nonNull)
                .toList();
    }

    /** Asked by number: in use when the configuration, the number's account and the number all are. */
    Optional<NumberOwner> ofNumber(MetaId phoneNumberId) {
        NumberOwnership number = numbers.get(phoneNumberId);
        return number == null
                ? Optional.empty()
                : Optional.of(new NumberOwner(
                        tenantId,
                        serving(number.wabaId()) && number.active(),
                        number.wabaId(),
                        phoneNumberId,
                        number.coexistence(),
                        number.capacity()));
    }

    /**
     * Asked by account: in use when the configuration is and Meta lets the account serve; the
     * number named is the default when it is in this account, else the account's first one (worked
     * out when the ownership is read). Every webhook asks, so an answer allocates nothing but itself.
     */
    Optional<NumberOwner> ofAccount(MetaId wabaId) {
        AccountOwnership account = wabaId == null ? null : account(wabaId);
        if (account == null) {
            return Optional.empty();
        }
        NumberOwnership own = account.ownNumber() == null ? null : numbers.get(account.ownNumber());
        return Optional.of(new NumberOwner(
                tenantId,
                active && account.serving(),
                wabaId,
                account.ownNumber(),
                own != null && own.coexistence(),
                own == null ? NumberCapacity.UNKNOWN : own.capacity()));
    }

    /** Whether the configuration is switched on and Meta lets the account {@code wabaId} serve. */
    private boolean serving(MetaId wabaId) {
        if (!active) {
            return false;
        }
        AccountOwnership account = account(wabaId);
        return account == null || account.serving();
    }

    private AccountOwnership account(MetaId wabaId) {
        for (AccountOwnership account : accounts) {
            if (Objects.equals(account.wabaId(), wabaId)) {
                return account;
            }
        }
        return null;
    }
}
