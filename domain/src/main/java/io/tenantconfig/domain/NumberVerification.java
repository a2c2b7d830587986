package io.tenantconfig.domain;

import java.time.Instant;

/**
 * Whether Meta verified a phone number (a code sent to it was entered back), and whether a code the
 * service had Meta send it is awaited. A number Meta created at the service's request starts
 * unverified; every other number came from Meta verified (a signup's, or one added by its id),
 * though Meta may still ask for a code (a signup that finished with an unverified number).
 *
 * @param codeRequestedAt when the service had Meta send the code now awaited; {@code null}: none is
 *     (never requested, or entered)
 */
public record NumberVerification(boolean verified, Instant codeRequestedAt) {

    /** A number Meta verified, without a code requested through the service. */
    public static final NumberVerification VERIFIED = new NumberVerification(true, null);

    /** A number just created at Meta: no code has been sent to it yet. */
    public static final NumberVerification UNVERIFIED = new NumberVerification(false, null);

    /** A code was sent to the number at {@code at}, and is awaited. */
    NumberVerification codeRequested(Instant at) {
        return new NumberVerification(verified, at);
    }

    /** Meta accepted the code the number received: verified, no code awaited. */
    NumberVerification passed() {
        return VERIFIED;
    }

    /** Whether Meta has to be given a code before the number can be registered. */
    public boolean awaitsCode() {
        return !verified || codeRequestedAt != null;
    }
}
