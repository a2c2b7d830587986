package io.tenantconfig.application.port.out;

import java.util.Objects;

/**
 * How one signup session ended: finished, cancelled by the user at a step of Meta's flow, or
 * failed at a step (of this service's run, or of Meta's flow when the page reported an error),
 * with Meta's code, message and {@code fbtrace_id} when Meta gave them. Never holds a code, token
 * or PIN: Meta's messages reach it redacted by the Meta adapter.
 */
public sealed interface SignupOutcome {

    Kind kind();

    /** The outcome's name in answers and in storage. */
    enum Kind {
        FINISHED("finished"),
        CANCELLED("cancelled"),
        FAILED("failed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The kind with this label; empty for any other text. */
        public static java.util.Optional<Kind> ofLabel(String label) {
            for (Kind kind : values()) {
                if (kind.label.equals(label)) {
                    return java.util.Optional.of(kind);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** The signup finished: the service stored what it produced and ran every step. */
    record Finished() implements SignupOutcome {
        @Override
        public Kind kind() {
            return Kind.FINISHED;
        }
    }

    /** The user left Meta's flow at {@code step} (Meta's {@code current_step}, as the page reported it). */
    record Cancelled(String step) implements SignupOutcome {
        public Cancelled {
            Objects.requireNonNull(step, "step");
        }

        @Override
        public Kind kind() {
            return Kind.CANCELLED;
        }
    }

    /**
     * The signup failed at {@code step}: a step of the service's run (e.g. {@code exchange_code}),
     * or {@code embedded_signup} for an error the page reported from Meta's flow. {@code code},
     * {@code fbtraceId} may be {@code null}.
     */
    record Failed(String step, String code, String message, String fbtraceId) implements SignupOutcome {
        public Failed {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Kind kind() {
            return Kind.FAILED;
        }
    }
}
