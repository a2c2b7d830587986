package io.tenantconfig.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One of a tenant's WhatsApp Business Accounts: its ids, the token that reaches it, and what
 * Meta last said about it. The account is the unit that holds a token: a signup issues one token
 * for the accounts it shares, and re-authorizing one account never touches another's. Its
 * {@code wabaId} is unknown ({@code null}) only for the one account a tenant may set up by hand
 * before it knows the id; {@link Accounts} allows one such account per tenant.
 *
 * @param tokenType Meta's {@code type} of the token as {@code debug_token} reports it ({@code USER},
 *     {@code SYSTEM_USER}...); {@code null} until a check has read it
 * @param scopes the token's scopes as {@code debug_token} reports them, sorted; empty until a check
 *     has read them
 * @param subscribedAt when the service last subscribed our app to the account's webhooks (onboarding or a
 *     resubscription); {@code null} when it has not, or since Meta ended the subscription (the app
 *     uninstalled, the account deleted)
 */
public record Account(
        WhatsAppAccount ids,
        TokenGrant token,
        String tokenType,
        Set<String> scopes,
        AccountStanding standing,
        Instant subscribedAt) {

    /** Its fields by their data-model names (what audit events name), its id aside: it names the account. */
    static final Map<String, Function<Account, Object>> FIELDS = Map.of(
            "business_id", account -> account.ids().businessId(),
            "access_token", account -> account.token().accessToken(),
            "refresh_token", account -> account.token().refreshToken(),
            "token_expires_at", account -> account.token().expiresAt(),
            "last_verified_at", account -> account.token().lastVerifiedAt(),
            "token_type", Account::tokenType,
            "token_scopes", Account::scopes,
            "account_standing", Account::standing,
            "subscribed_at", Account::subscribedAt);

    /** No account: what a configuration without any answers for its account's fields. */
    public static final Account NONE =
            new Account(WhatsAppAccount.NONE, TokenGrant.NONE, null, Set.of(), AccountStanding.GOOD, null);

    public Account {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(standing, "standing");
        scopes = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(scopes, "scopes")));
    }

    /** An account just added: these ids, this token, nothing heard from Meta against it. */
    public static Account added(WhatsAppAccount ids, TokenGrant token) {
        return new Account(ids, token, null, Set.of(), AccountStanding.GOOD, null);
    }

    public MetaId wabaId() {
        return ids.wabaId();
    }

    /** Whether this is the account named {@code wabaId} ({@code null}: the unnamed one). */
    public boolean is(MetaId wabaId) {
        return Objects.equals(ids.wabaId(), wabaId);
    }

    /** Whether the account can still be used to send messages (Meta has not taken it out of service). */
    public boolean serving() {
        return standing.serving();
    }

    /** Whether our app is subscribed to the account's webhooks, as far as the service knows. */
    public boolean subscribed() {
        return subscribedAt != null;
    }

    /** Whether it holds nothing at all: no ids, no token, nothing reported (what a tenant without an account has). */
    boolean isEmpty() {
        return equals(NONE);
    }

    Account withIds(WhatsAppAccount newIds) {
        return new Account(newIds, token, tokenType, scopes, standing, subscribedAt);
    }

    /** With {@code newToken}; a different access token forgets what was known of the old one's type and scopes. */
    Account withToken(TokenGrant newToken) {
        boolean sameToken = Objects.equals(newToken.accessToken(), token.accessToken());
        return new Account(
                ids, newToken, sameToken ? tokenType : null, sameToken ? scopes : Set.of(), standing, subscribedAt);
    }

    Account withTokenType(String newType) {
        return new Account(ids, token, newType, scopes, standing, subscribedAt);
    }

    Account withScopes(Set<String> newScopes) {
        return new Account(ids, token, tokenType, newScopes, standing, subscribedAt);
    }

    /**
     * With Meta's {@code newStanding}. One that takes our app away from the account (uninstalled,
     * the partner removed, the account deleted) ends the subscription with it: Meta sends the
     * account's webhooks nowhere until it is subscribed again.
     */
    Account withStanding(AccountStanding newStanding) {
        boolean subscriptionEnds = switch (newStanding.status()) {
            case DISCONNECTED, DELETED -> true;
            case GOOD, RESTRICTED, DISABLED -> false;
        };
        return new Account(ids, token, tokenType, scopes, newStanding, subscriptionEnds ? null : subscribedAt);
    }

    /** Subscribed at {@code at}. */
    Account withSubscription(Instant at) {
        return new Account(ids, token, tokenType, scopes, standing, Objects.requireNonNull(at, "at"));
    }
}
