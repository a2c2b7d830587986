package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.health.Health;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One of a tenant's WhatsApp Business Accounts as the API shows it: its ids, what is known of its
 * token, its standing and the ids of its numbers. No secret is shown, not even masked: the token
 * is set through {@code PUT .../accounts/{waba_id}/token} and never read back here.
 *
 * @param isDefault whether it is the primary account: the default number's, else the first added
 * @param tokenScopes the token's scopes as Meta's {@code debug_token} last reported them, sorted; empty until
 *     a check has read them
 * @param subscribedAt when the service last subscribed our app to the account's webhooks (onboarding or
 *     {@code POST /config/webhook/resubscribe}); {@code null} when it has not, or Meta ended the
 *     subscription since (the app uninstalled, the account deleted)
 * @param standing what Meta last said about the account ({@code GOOD}, {@code RESTRICTED}...)
 * @param health the account's state in the tenant's last health check ({@code HEALTHY}, {@code EXPIRING}...:
 *     the worst of its own reasons, {@code GET /config/health}); {@code null} when the tenant has no health yet
 * @param phoneNumbers the ids of the account's numbers, in the order they were added
 */
public record AccountView(
        @JsonProperty("waba_id") String wabaId,
        @JsonProperty("business_id") String businessId,
        @JsonProperty("is_default") boolean isDefault,
        @JsonProperty("token_expires_at") String tokenExpiresAt,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("token_scopes") List<String> tokenScopes,
        @JsonProperty("subscribed_at") String subscribedAt,
        @JsonProperty("standing") String standing,
        @JsonProperty("health") String health,
        @JsonProperty("phone_numbers") List<String> phoneNumbers) {

    /** {@code GET /accounts}: every account, in the order they were added. */
    public record AccountList(@JsonProperty("accounts") List<AccountView> accounts) {

        static AccountList of(TenantConfig config, Optional<Health> health) {
            return new AccountList(config.accounts().all().stream()
                    .map(account -> AccountView.of(config, account, health))
                    .toList());
        }
    }

    static AccountView of(TenantConfig config, Account account, Optional<Health> health) {
        return new AccountView(
                Objects.toString(account.wabaId(), null),
                Objects.toString(account.ids().businessId(), null),
                account.is(config.primaryAccount().wabaId()),
                account.token().expiresAt() == null
                        ? null
                        : account.token().expiresAt().toString(),
                account.tokenType(),
                List.copyOf(account.scopes()),
                account.subscribedAt() == null ? null : account.subscribedAt().toString(),
                account.standing().status().name(),
                health.map(h -> h.stateOf(account.wabaId()).name()).orElse(null),
                config.phoneNumbers().inAccount(account.wabaId()).stream()
                        .map(PhoneNumber::id)
                        .map(Object::toString)
                        .toList());
    }
}
