package io.tenantconfig.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A credential: an access token, an app secret, a refresh token. Opaque (no format is assumed),
 * and careful: {@link #toString()} never shows it, so it cannot leak through a log line or an
 * exception message by accident. The value is only reachable through {@link #reveal()}.
 */
public final class Secret {

    public static final int MAX_LENGTH = 8192;
    private static final String MASK = "***";
    private static final int VISIBLE_SUFFIX = 4;

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Accepts a secret: 1 to 8192 characters, no control characters, and not a masked view
     * ({@code ***...}) of another secret.
     */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters");
        }
        if (!Text.isPrintable(value)) {
            throw new InvalidValueException("must not contain control characters");
        }
        if (value.startsWith(MASK)) {
            // A client that sends back the masked view it was given would overwrite the secret.
            throw new InvalidValueException(
                    "is a masked value; send the secret itself, or leave the field out to keep it");
        }
        return new Secret(value);
    }

    /** The value itself: for storing it and for handing it to those allowed to see it. */
    public String reveal() {
        return value;
    }

    /**
     * The normal view of a secret: longer than four characters, {@code ***} and its last four;
     * otherwise only {@code ***}, since showing a short secret's tail would show most of it.
     */
    public String masked() {
        return mask(value);
    }

    /** The masking rule for any secret value, including ones that never became a {@code Secret}. */
    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() <= VISIBLE_SUFFIX) {
            return MASK;
        }
        return MASK + value.substring(value.length() - VISIBLE_SUFFIX);
    }

    /** The masking rule for a secret that may be absent: absent stays absent. */
    public static String masked(Secret secret) {
        return secret == null ? null : secret.masked();
    }

    @Override
    public boolean equals(Object other) {
        // Constant time, so that comparing secrets does not tell how much of one matched.
        return other instanceof Secret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    /** Deliberately the same for every secret: a hash of the value would tell something about it. */
    @Override
    public int hashCode() {
        return Secret.class.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[" + MASK + "]";
    }
}
