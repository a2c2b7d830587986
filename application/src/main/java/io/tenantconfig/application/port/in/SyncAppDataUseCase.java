package io.tenantconfig.application.port.in;

/**
 * Asks Meta to synchronise the data of WhatsApp Business apps whose numbers were onboarded
 * alongside them, one number per call: callers (any number of threads, on any number of
 * instances) share the work through the stored syncs, and each number is worked on by one at a time.
 */
public interface SyncAppDataUseCase {

    /** Claims the sync due longest and makes the requests it is due for; {@link Round#IDLE} when none is due. */
    Round syncNext();

    /**
     * What one call did: the requests Meta accepted, those it did not, whether a sync was claimed at
     * all (false: nothing was due), and whether the sync ended because Meta's window closed.
     */
    record Round(int accepted, int failed, boolean claimed, boolean expired) {

        public static final Round IDLE = new Round(0, 0, false, false);
    }
}
