package io.tenantconfig.application.port.out;

/** Where events go: the platform's receiver. */
public interface EventSink {

    /**
     * Delivers one event; returns when the receiver accepted it.
     *
     * @throws DeliveryFailedException saying why it was not accepted (nothing secret in it)
     */
    void deliver(OutboxEvent event);

    /** The receiver did not accept an event. */
    final class DeliveryFailedException extends RuntimeException {
        public DeliveryFailedException(String message) {
            super(message, null, false, false);
        }
    }
}
