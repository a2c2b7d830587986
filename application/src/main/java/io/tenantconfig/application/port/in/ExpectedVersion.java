package io.tenantconfig.application.port.in;

import java.util.OptionalInt;

/** The version a caller believes is current (from {@code If-Match}), or none when it does not care. */
public record ExpectedVersion(OptionalInt value) {

    private static final ExpectedVersion ANY = new ExpectedVersion(OptionalInt.empty());

    public ExpectedVersion {
        if (value.isPresent() && value.getAsInt() < 1) {
            throw new IllegalArgumentException("a stored version is at least 1");
        }
    }

    public static ExpectedVersion any() {
        return ANY;
    }

    public static ExpectedVersion exactly(int version) {
        return new ExpectedVersion(OptionalInt.of(version));
    }

    public boolean isSatisfiedBy(int currentVersion) {
        return value.isEmpty() || value.getAsInt() == currentVersion;
    }
}
