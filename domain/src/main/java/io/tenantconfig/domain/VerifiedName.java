package io.tenantconfig.domain;

/** The business name Meta approved for a number, shown to the people it writes to. */
public record VerifiedName(String value) {

    public static final int MAX_LENGTH = 256;

    public VerifiedName {
        Text.requireLine(value, MAX_LENGTH);
    }

    public static VerifiedName parse(String value) {
        return new VerifiedName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
