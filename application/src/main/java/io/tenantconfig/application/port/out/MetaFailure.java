package io.tenantconfig.application.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * Why a call to Meta failed, classified from Meta's error ({@code code}, {@code error_subcode})
 * or from the transport. {@code message} and {@code fbtraceId} are Meta's, for the user and for
 * Meta's support; neither ever contains one of our secrets.
 */
public record MetaFailure(
        Kind kind, String message, Integer code, Integer subcode, String fbtraceId, Duration retryAfter) {

    public enum Kind {
        /** The signup code expired, was already used, or its redirect URI does not match: sign up again. */
        SIGNUP_CODE_REJECTED,
        /** Meta's rate limit: try again after {@code retryAfter}. */
        RATE_LIMITED,
        /** Meta does not accept the token any more (code 190): the tenant has to sign up again. */
        TOKEN_INVALID,
        /** Meta failed, or answered something that is not its documented JSON. */
        META_UNAVAILABLE,
        /** Meta refused the request for another reason it explains in {@code message}. */
        REJECTED,
        /** Meta did not answer in time. */
        TIMEOUT
    }

    public MetaFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** A failure without a Graph error body (timeouts, connection failures, unreadable answers). */
    public static MetaFailure of(Kind kind, String message) {
        return new MetaFailure(kind, message, null, null, null, null);
    }
}
