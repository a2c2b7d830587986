package io.tenantconfig.domain;

/** What a tenant calls one of its numbers ("Support", "Sales DE"): free text, 1 to 100 printable characters. */
public record NumberLabel(String value) {

    public static final int MAX_LENGTH = 100;

    public NumberLabel {
        Text.requireLine(value, MAX_LENGTH);
    }

    public static NumberLabel parse(String value) {
        return new NumberLabel(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
