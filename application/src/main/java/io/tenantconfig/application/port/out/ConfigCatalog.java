package io.tenantconfig.application.port.out;

/** Every tenant's configuration at once, for the platform's admins. */
public interface ConfigCatalog {

    /** Configurations in a stable order (by id), {@code skip} first, at most {@code limit}, with the total. */
    ConfigPage page(long skip, int limit);

    /** Counts by state, in one consistent read. */
    ConfigStatistics statistics();
}
