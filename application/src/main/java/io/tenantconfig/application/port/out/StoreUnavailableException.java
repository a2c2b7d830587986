package io.tenantconfig.application.port.out;

/**
 * The store of configurations cannot be reached just now (no connection, or the database is
 * shutting down). Nothing was changed; trying again later may succeed.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
