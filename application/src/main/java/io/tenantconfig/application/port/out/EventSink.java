package io.tenantconfig.application.port.out;

import java.util.List;

/** Where events go: the platform's receiver. */
public interface EventSink {

    /**
     * Delivers events of one tenant, in order, in one request; returns when the receiver accepted
     * all of them.
     *
     * @throws DeliveryFailedException saying why they were not accepted (nothing secret in it)
     */
    void deliver(List<OutboxEvent> events);

    /** The receiver did not accept the events. */
    final class DeliveryFailedException extends RuntimeException {

        /** The receiver's HTTP status, or {@link #NO_ANSWER}. */
        private final int status;

        public static final int NO_ANSWER = 0;

        /** The receiver did not answer (unreachable, timed out). */
        public DeliveryFailedException(String message) {
            this(message, NO_ANSWER);
        }

        public DeliveryFailedException(String message, int status) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** The receiver answered 413: fewer events in one request may be accepted. */
        public boolean tooLarge() {
            return status == 413;
        }
    }
}
