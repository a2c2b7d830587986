package io.tenantconfig.application.port.out;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Every configuration with its numbers (and, when asked, the audit trail) written to a file, and
 * such a file restored: what the operator's {@code export} and {@code import} commands use (no
 * use case does). Secrets travel as stored, encrypted; the file names the keyset's primary key.
 * A restore is idempotent: a tenant not here is created, one here at the same version is left
 * alone, one here at another version (or whose account or numbers another tenant holds here) is
 * reported and left alone.
 */
public interface ConfigBackup {

    /** How many configurations there are to write (for progress). */
    long configurations();

    /** Writes the file, from one snapshot. @param progress told the configurations written so far */
    Exported export(Writer out, boolean withAudit, LongConsumer progress);

    /**
     * Restores a file that {@link #export} wrote.
     *
     * @param progress told the lines restored so far
     * @throws IllegalArgumentException when the file is not an export of this format, or is cut short
     */
    Restored restore(BufferedReader in, LongConsumer progress) throws IOException;

    record Exported(long configs, long numbers, long audit) {}

    /** A configuration of the file that was not restored, and why. */
    record Conflict(String tenantId, String why) {}

    /** @param auditSkipped the file's audit trail was not restored: the one here is not empty */
    record Restored(long created, long unchanged, List<Conflict> conflicts, long audit, boolean auditSkipped) {

        public Restored {
            conflicts = List.copyOf(conflicts);
        }
    }
}
