package io.tenantconfig.domain.template;

import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.Accounts;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Refusal;
import java.util.Optional;

/**
 * Which of a tenant's WhatsApp Business Accounts a template is created in or deleted from: the one
 * named ({@code waba_id}), or the tenant's only one; with several, the request has to name one,
 * as adding a number does. Templates belong to an account, and each account has its own token.
 */
public final class ManagedAccount {

    private ManagedAccount() {}

    /** The account {@code wabaId} ({@code null}: the only one) names, or why there is none to use. */
    public static Optional<Refusal> refusal(Accounts accounts, MetaId wabaId) {
        if (wabaId == null && accounts.size() > 1) {
            return Optional.of(new Refusal(
                    Refusal.Reason.ACCOUNT_NEEDED,
                    "waba_id: required, you have " + accounts.size()
                            + " WhatsApp Business Accounts; name the one the template belongs to"));
        }
        Optional<Account> account = chosen(accounts, wabaId);
        if (account.isEmpty()) {
            return Optional.of(
                    wabaId == null
                            ? new Refusal(
                                    Refusal.Reason.INCOMPLETE,
                                    "the configuration has no WhatsApp Business Account (waba_id) to hold templates;"
                                            + " finish the WhatsApp signup first")
                            : new Refusal(
                                    Refusal.Reason.UNKNOWN_ACCOUNT,
                                    "the WhatsApp Business Account " + wabaId + " is not one of this configuration's"));
        }
        if (account.get().token().accessToken() == null) {
            return Optional.of(new Refusal(
                    Refusal.Reason.INCOMPLETE,
                    "the WhatsApp Business Account " + account.get().wabaId()
                            + " has no access token to ask Meta with"));
        }
        return Optional.empty();
    }

    /** The account {@code wabaId} names, or the tenant's only one when {@code null}; only one with an id. */
    public static Optional<Account> chosen(Accounts accounts, MetaId wabaId) {
        MetaId named =
                wabaId == null && accounts.size() == 1 ? accounts.all().get(0).wabaId() : wabaId;
        return named == null ? Optional.empty() : accounts.find(named);
    }
}
