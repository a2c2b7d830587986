package io.tenantconfig.application.port.out;

/**
 * A write would give a tenant a phone number or WhatsApp Business Account that another tenant
 * has: each belongs to one tenant. Thrown by the store, which checks it atomically with the
 * write; the transaction is rolled back. The message never names the other tenant.
 */
public final class AlreadyOwnedException extends RuntimeException {

    public AlreadyOwnedException(String message) {
        super(message, null, false, false);
    }
}
