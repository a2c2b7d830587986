package io.tenantconfig.application.port.out;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * The secrets as stored, each encrypted for its row and column: re-encrypted with the keyset's
 * primary key, or only checked. What the operator's {@code secrets} command uses (no use case
 * does). Both work in batches of rows, one transaction each, can be interrupted and run again, and
 * name each value that does not decrypt in their report instead of stopping at it.
 */
public interface EncryptedSecrets {

    /** How many rows a run reads (for progress). */
    long rowsToRead();

    /**
     * Re-encrypts every value that decrypts and is not under the primary key, and encrypts values
     * still stored in clear. @param progress told the rows read so far after each batch
     */
    Report reencrypt(int batchSize, LongConsumer progress);

    /** As {@link #reencrypt}, reading only: what a run would re-encrypt, and what does not decrypt. */
    Report verify(int batchSize, LongConsumer progress);

    /** A stored value that does not decrypt: where it is, never what it is. */
    record Unreadable(String table, long rowId, String tenantId, String column) {

        /** Why a value does not decrypt, as far as anyone can tell without the value. */
        public static final String WHY = "does not decrypt for its row and column with any key of the keyset"
                + " (copied from another row or column, or encrypted with a key no longer in the keyset)";
    }

    /**
     * What a run did: the rows read, the values under the primary key already, the values
     * re-encrypted (by {@link #verify}: that need it), and the values that do not decrypt.
     */
    record Report(long rows, long current, long reencrypted, List<Unreadable> unreadable) {

        public Report {
            unreadable = List.copyOf(unreadable);
        }
    }
}
