package io.tenantconfig.bootstrap.database;

import io.dropwizard.lifecycle.Managed;
import io.tenantconfig.adapters.persistence.PostgresAdapters;

/** The database's adapters run with the server: the change listener and the webhook intake's writer. */
final class ManagedAdapters implements Managed {

    private final PostgresAdapters adapters;

    ManagedAdapters(PostgresAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    public void start() {
        adapters.start();
    }

    @Override
    public void stop() throws InterruptedException {
        adapters.stop();
    }
}
