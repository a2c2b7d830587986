package io.tenantconfig.domain;

import java.time.Instant;

/**
 * The parts of a configuration that its settings change together (what a partial update or a
 * signup writes): everything but the onboarding and the bookkeeping.
 */
record Settings(
        Accounts accounts, PhoneNumbers phoneNumbers, AppCredentials app, CallbackSettings callbacks, boolean active) {

    /** What a new configuration starts from: nothing set, in use. */
    static final Settings INITIAL =
            new Settings(Accounts.NONE, PhoneNumbers.NONE, AppCredentials.NONE, CallbackSettings.NONE, true);

    static Settings of(TenantConfig config) {
        return new Settings(
                config.accounts(), config.phoneNumbers(), config.app(), config.callbacks(), config.active());
    }

    /**
     * The configuration made of these settings and the parts they leave out; its accounts in step
     * with its numbers ({@link Accounts#holding}).
     */
    TenantConfig toConfig(
            long id, TenantId tenantId, Onboarding onboarding, Instant createdAt, Instant updatedAt, int version) {
        return new TenantConfig(
                id,
                tenantId,
                accounts.holding(phoneNumbers),
                phoneNumbers,
                app,
                callbacks,
                onboarding,
                active,
                createdAt,
                updatedAt,
                version);
    }

    Settings withAccounts(Accounts newAccounts) {
        return new Settings(newAccounts, phoneNumbers, app, callbacks, active);
    }

    Settings withNumbers(PhoneNumbers newNumbers) {
        return new Settings(accounts, newNumbers, app, callbacks, active);
    }

    Settings withCallbacks(CallbackSettings newCallbacks) {
        return new Settings(accounts, phoneNumbers, app, newCallbacks, active);
    }

    Settings withActive(boolean newActive) {
        return new Settings(accounts, phoneNumbers, app, callbacks, newActive);
    }
}
