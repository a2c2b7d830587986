package io.tenantconfig.application.port.out;

import java.util.Objects;

/** A call to Meta's Graph API failed; {@link #failure()} says how. */
public final class MetaCallFailedException extends RuntimeException {

    private final MetaFailure failure;

    public MetaCallFailedException(MetaFailure failure, Throwable cause) {
        super(failure.kind() + ": " + failure.message(), cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public MetaCallFailedException(MetaFailure failure) {
        this(failure, null);
    }

    public MetaFailure failure() {
        return failure;
    }
}
