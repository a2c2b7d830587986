package io.tenantconfig.bootstrap.database;

import com.codahale.metrics.health.HealthCheck;
import java.util.function.BooleanSupplier;

/**
 * Unhealthy while the change listener is not listening: answers stay correct, but every lookup
 * goes to the database instead of memory until it is back.
 */
final class NotificationListenerCheck extends HealthCheck {

    private final BooleanSupplier listening;

    NotificationListenerCheck(BooleanSupplier listening) {
        this.listening = listening;
    }

    @Override
    protected Result check() {
        if (listening.getAsBoolean()) {
            return Result.healthy("receiving every configuration change; lookups are served from memory");
        }
        return Result.unhealthy("not receiving configuration changes (reconnecting); every lookup goes to the "
                + "database until it is back");
    }
}
