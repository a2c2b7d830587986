package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param numbers in the order they were read: by account, then in the order they were added
 */
record Ownership(
        TenantId tenantId,
        boolean active,
        List<AccountOwnership> accounts,
        MetaId defaultNumber,
        Map<MetaId, NumberOwnership> numbers,
        String webhookKey) {

    /** One of the tenant's accounts: its waba_id ({@code null}: not known yet) and whether Meta lets it serve. */
    record AccountOwnership(MetaId wabaId, boolean serving) {}

    /** One of the tenant's numbers: whether the tenant uses it, and its account. */
    record NumberOwnership(boolean active, MetaId wabaId) {}

    Ownership {
        accounts = List.copyOf(accounts);
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
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
                        tenantId, serving(number.wabaId()) && number.active(), number.wabaId(), phoneNumberId));
    }

    /**
     * Asked by account: in use when the configuration is and Meta lets the account serve; the
     * number named is the default when it is in this account, else the account's first one. Plain
     * loops: every webhook asks, so an answer allocates nothing but itself.
     */
    Optional<NumberOwner> ofAccount(MetaId wabaId) {
        AccountOwnership account = wabaId == null ? null : account(wabaId);
        if (account == null) {
            return Optional.empty();
        }
        NumberOwnership byDefault = defaultNumber == null ? null : numbers.get(defaultNumber);
        MetaId number = byDefault != null && wabaId.equals(byDefault.wabaId()) ? defaultNumber : null;
        if (number == null) {
            for (Map.Entry<MetaId, NumberOwnership> entry : numbers.entrySet()) {
                if (wabaId.equals(entry.getValue().wabaId())) {
                    number = entry.getKey();
                    break;
                }
            }
        }
        return Optional.of(new NumberOwner(tenantId, active && account.serving(), wabaId, number));
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
