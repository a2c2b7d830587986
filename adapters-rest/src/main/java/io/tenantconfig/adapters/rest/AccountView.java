package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.TenantConfig;
import java.util.List;
import java.util.Objects;

/**
 * One of a tenant's WhatsApp Business Accounts as the API shows it: its ids, what is known of its
 * token, its standing and the ids of its numbers. No secret is shown, not even masked: the token
 * is set through {@code PUT .../accounts/{waba_id}/token} and never read back here.
 *
 * @param isDefault whether it is the primary account: the default number's, else the first added
 * @param standing what Meta last said about the account ({@code GOOD}, {@code RESTRICTED}...)
 * @param health the account's own health; {@code null} until it is known per account (see {@link #healthOf})
 * @param phoneNumbers the ids of the account's numbers, in the order they were added
 */
public record AccountView(
        @JsonProperty("waba_id") String wabaId,
        @JsonProperty("business_id") String businessId,
        @JsonProperty("is_default") boolean isDefault,
        @JsonProperty("token_expires_at") String tokenExpiresAt,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("standing") String standing,
        @JsonProperty("health") Object health,
        @JsonProperty("phone_numbers") List<String> phoneNumbers) {

    /** {@code GET /accounts}: every account, in the order they were added. */
    public record AccountList(@JsonProperty("accounts") List<AccountView> accounts) {

        static AccountList of(TenantConfig config) {
            return new AccountList(config.accounts().all().stream()
                    .map(account -> AccountView.of(config, account))
                    .toList());
        }
    }

    static AccountView of(TenantConfig config, Account account) {
        return new AccountView(
                Objects.toString(account.wabaId(), null),
                Objects.toString(account.ids().businessId(), null),
                account.is(config.primaryAccount().wabaId()),
                account.token().expiresAt() == null
                        ? null
                        : account.token().expiresAt().toString(),
                account.tokenType(),
                account.standing().status().name(),
                healthOf(config, account),
                config.phoneNumbers().inAccount(account.wabaId()).stream()
                        .map(PhoneNumber::id)
                        .map(Object::toString)
                        .toList());
    }

    /**
     * The hook for the account's health, as far as it is known without calling Meta. Health is
     * kept per tenant for now, so there is nothing per account to show yet: always {@code null}.
     * Per-account health is to be filled in here, and nowhere else.
     */
    static Object healthOf(TenantConfig config, Account account) {
        return null;
    }
}
