package io.tenantconfig.domain;

import java.time.Instant;

/**
 * The parts of a configuration that its settings change together (what a partial update or a
 * signup writes): everything but the onboarding, the account's standing and the bookkeeping.
 */
record Settings(
        WhatsAppAccount account,
        PhoneNumbers phoneNumbers,
        AppCredentials app,
        TokenGrant token,
        CallbackSettings callbacks,
        boolean active) {

    /** What a new configuration starts from: nothing set, in use. */
    static final Settings INITIAL = new Settings(
            WhatsAppAccount.NONE, PhoneNumbers.NONE, AppCredentials.NONE, TokenGrant.NONE, CallbackSettings.NONE, true);

    static Settings of(TenantConfig config) {
        return new Settings(
                config.account(),
                config.phoneNumbers(),
                config.app(),
                config.token(),
                config.callbacks(),
                config.active());
    }

    /** The configuration made of these settings and the parts they leave out. */
    TenantConfig toConfig(
            long id,
            TenantId tenantId,
            Onboarding onboarding,
            AccountStanding standing,
            Instant createdAt,
            Instant updatedAt,
            int version) {
        return new TenantConfig(
                id,
                tenantId,
                account,
                phoneNumbers,
                app,
                token,
                callbacks,
                onboarding,
                active,
                standing,
                createdAt,
                updatedAt,
                version);
    }

    Settings withNumbers(PhoneNumbers newNumbers) {
        return new Settings(account, newNumbers, app, token, callbacks, active);
    }

    Settings withToken(TokenGrant newToken) {
        return new Settings(account, phoneNumbers, app, newToken, callbacks, active);
    }

    Settings withActive(boolean newActive) {
        return new Settings(account, phoneNumbers, app, token, callbacks, newActive);
    }
}
