package io.tenantconfig.domain;

/**
 * The value Meta echoes back in the webhook handshake. It is shown in clear, as the earlier
 * version did: it authenticates Meta to the tenant's webhook, not anyone to Meta.
 */
public record VerifyToken(String value) {

    public static final int MAX_LENGTH = 255;

    public VerifyToken {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new InvalidValueException("must be 1 to " + MAX_LENGTH + " characters");
        }
        if (!Text.isPrintableAscii(value)) {
            throw new InvalidValueException("must contain printable ASCII characters only");
        }
    }

    public static VerifyToken parse(String value) {
        return new VerifyToken(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
