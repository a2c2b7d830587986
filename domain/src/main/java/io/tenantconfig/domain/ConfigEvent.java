package io.tenantconfig.domain;

import java.util.Objects;
import java.util.Set;

/**
 * What a change to a configuration meant, produced by the change itself: its type, and the names
 * of the fields whose value it made different (data-model names such as {@code access_token}),
 * never their values, so it can be recorded as it is.
 */
public record ConfigEvent(Type type, Set<String> fields) {

    public enum Type {
        /** A tenant set up its configuration by hand. */
        CREATED,
        /** Settings changed. */
        SETTINGS_CHANGED,
        /** The configuration is back in use. */
        ACTIVATED,
        /** The configuration is out of use: the loader treats it as absent. */
        DEACTIVATED,
        /** Embedded Signup exchanged a code for a token, which is now stored: a new onboarding run. */
        TOKEN_EXCHANGED,
        /** Onboarding subscribed the app to the WhatsApp Business Account's webhooks. */
        WEBHOOK_SUBSCRIBED,
        /** Onboarding registered the phone number for the Cloud API. */
        PHONE_REGISTERED,
        /** Every onboarding step succeeded. */
        ONBOARDING_COMPLETED,
        /** Meta refused the stored token: the tenant has to sign up again. */
        REAUTHORIZATION_REQUIRED,
        /** Meta confirmed that the access token works, and said when it expires. */
        TOKEN_VERIFIED,
        /** A PIN was chosen for registering the phone number, stored before Meta sees it. */
        REGISTRATION_PIN_CHOSEN,
        /** The tenant added a phone number. */
        PHONE_NUMBER_ADDED,
        /** The tenant changed a phone number's label, use, or made it the default. */
        PHONE_NUMBER_CHANGED,
        /** The tenant removed a phone number. */
        PHONE_NUMBER_REMOVED,
        /** Meta extended the access token before it expired; the new one and its expiry are stored. */
        TOKEN_REFRESHED,
        /** Meta reported a change in the account's standing: uninstalled, disabled, restricted, reinstated. */
        ACCOUNT_STANDING_CHANGED
    }

    public ConfigEvent {
        Objects.requireNonNull(type, "type");
        fields = Set.copyOf(fields);
    }
}
