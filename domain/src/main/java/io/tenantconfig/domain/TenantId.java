package io.tenantconfig.domain;

/**
 * The tenant a configuration belongs to. It only ever comes from the caller's verified token,
 * never from a header or a parameter.
 */
public record TenantId(String value) {

    public static final int MAX_LENGTH = 100;

    public TenantId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters");
        }
        if (!Text.isPrintable(value) || !value.strip().equals(value)) {
            throw new InvalidValueException("must be printable characters without surrounding spaces");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /**
     * A tenant id as a caller presents it: a token's claim, a path, a query parameter. It may not
     * hold a {@code /} either, since no path could name such a tenant (HTTP servers refuse an
     * encoded {@code /} in a path, rightly). Rows stored before this rule still load through
     * {@link #of}; no caller can act as, or name, such a tenant any more.
     */
    public static TenantId presented(String value) {
        if (value != null && value.indexOf('/') >= 0) {
            throw new InvalidValueException("must not contain '/'");
        }
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
