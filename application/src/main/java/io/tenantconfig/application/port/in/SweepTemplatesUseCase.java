package io.tenantconfig.application.port.in;

/**
 * One round of the template sweep on this instance: the accounts due whose lease it could take
 * are read from Meta, each then scheduled one interval later (sooner after a failure).
 */
public interface SweepTemplatesUseCase {

    Round sweepOnce(String instance);

    /** How many accounts the round leased, read, and failed to read (Meta failed, or we did). */
    record Round(int leased, int read, int failed) {}
}
