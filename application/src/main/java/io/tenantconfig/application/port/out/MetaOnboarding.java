package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.AccessGrant;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WebUrl;

/**
 * Meta's side of WhatsApp Embedded Signup, the calls our backend makes to finish it. Every call
 * either succeeds or throws {@link MetaCallFailedException} saying how it failed.
 */
public interface MetaOnboarding {

    /**
     * Exchanges the signup code for the tenant's token. The code works once: callers must never
     * retry this call.
     *
     * @param redirectUri sent to Meta only when configured to; may be null
     */
    AccessGrant exchangeCode(SignupCode code, WebUrl redirectUri);

    /** Asks Meta whether the token is valid, what kind it is and when it expires. */
    TokenInspection inspectToken(Secret token);

    /** Subscribes our app to the WhatsApp Business Account's webhooks. */
    void subscribeApp(MetaId wabaId, Secret token);

    /**
     * Subscribes our app again with a callback URL for this account alone (Meta's
     * {@code override_callback_uri}); Meta calls the URL's handshake with {@code verifyToken}
     * before it accepts. Only after {@link #subscribeApp}, which Meta requires first.
     */
    void overrideCallback(MetaId wabaId, Secret token, WebUrl callbackUrl, VerifyToken verifyToken);

    /**
     * Whether Meta says the number still has to be verified (its {@code code_verification_status}
     * is {@code NOT_VERIFIED} or {@code EXPIRED}): an Embedded Signup v4 user can finish with a
     * number they never verified, and such a number cannot be registered until it is.
     */
    boolean awaitsVerification(MetaId phoneNumberId, Secret token);

    /** Registers the phone number for the Cloud API, with {@code pin} as its two-step verification PIN. */
    void registerPhone(MetaId phoneNumberId, Secret pin, Secret token);
}
