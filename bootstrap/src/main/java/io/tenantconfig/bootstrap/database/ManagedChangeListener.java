package io.tenantconfig.bootstrap.database;

import io.dropwizard.lifecycle.Managed;
import io.tenantconfig.adapters.persistence.ConfigChangeListener;

/** Listens for other instances' changes while the server runs. */
final class ManagedChangeListener implements Managed {

    private final ConfigChangeListener listener;

    ManagedChangeListener(ConfigChangeListener listener) {
        this.listener = listener;
    }

    @Override
    public void start() {
        listener.start();
    }

    @Override
    public void stop() throws InterruptedException {
        listener.stop();
    }
}
