package io.tenantconfig.application.port.in;

/**
 * One round of the scheduled health sweep on this instance: enrol new tenants, lease the due
 * ones, check them, schedule each one interval later. Every instance runs rounds; the leases
 * make them share the work.
 */
public interface SweepHealthUseCase {

    Round sweepOnce(String instance);

    /** What a round did: tenants leased, checked, and whose check failed on our side (retried when the lease expires). */
    record Round(int leased, int checked, int failed) {}
}
