package io.tenantconfig.domain;

/**
 * The parts of a configuration that its settings change together (what a partial update or a
 * signup writes): everything but the onboarding, the account's standing and the bookkeeping.
 */
record Settings(
        WhatsAppAccount account,
        PhoneNumbers phoneNumbers,
        AppCredentials app,
        TokenGrant token,
        Webhook webhook,
        boolean active) {

    static Settings of(TenantConfig config) {
        return new Settings(
                config.account(),
                config.phoneNumbers(),
                config.app(),
                config.token(),
                config.webhook(),
                config.active());
    }

    Settings withNumbers(PhoneNumbers newNumbers) {
        return new Settings(account, newNumbers, app, token, webhook, active);
    }

    Settings withToken(TokenGrant newToken) {
        return new Settings(account, phoneNumbers, app, newToken, webhook, active);
    }

    Settings withActive(boolean newActive) {
        return new Settings(account, phoneNumbers, app, token, webhook, newActive);
    }
}
