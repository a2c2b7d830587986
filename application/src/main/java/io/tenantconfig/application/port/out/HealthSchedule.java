package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When each tenant is next due for a health check, shared by every instance through the
 * database: a due tenant is leased to one instance at a time, and a lease its holder never gives
 * back (the instance died) expires, so another instance picks the tenant up.
 */
public interface HealthSchedule {

    /**
     * Makes every active configuration with a token due at a random moment within the next
     * {@code interval}, unless it is scheduled already: new tenants are spread over the interval.
     */
    void enroll(Instant now, Duration interval);

    /** Up to {@code limit} tenants due at {@code now} whose lease is free, leased to {@code owner} until {@code now + lease}. */
    List<TenantId> claimDue(String owner, Instant now, Duration lease, int limit);

    /** {@code owner} checked the tenant: it is next due at {@code next}, and its lease is given back. */
    void checked(TenantId tenantId, String owner, Instant next);

    /** The tenant is due now (a failure was reported): the next sweep on any instance checks it. False without a configuration. */
    boolean dueNow(TenantId tenantId, Instant now);
}
