package io.tenantconfig.application;

import io.tenantconfig.application.fixtures.ConfigStoreContract;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;

/** The in-memory store the use-case tests use keeps the same promises as PostgreSQL. */
class InMemoryConfigStoreTest extends ConfigStoreContract {

    @Override
    protected Stores emptyStores() {
        InMemoryConfigStore store = new InMemoryConfigStore();
        return new Stores(store, store, store, store, store, store, store);
    }
}
