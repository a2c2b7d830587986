package io.tenantconfig.adapters.persistence;

import io.tenantconfig.adapters.persistence.crypto.SecretCipher;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Re-encrypts every stored secret with the keyset's primary key, and encrypts values stored in
 * clear (rows migrated from the earlier version). Works in batches of rows, one transaction per
 * batch, skipping values already under the primary key: it can be interrupted and run again, and
 * a second run changes nothing. Values do not change, so no cache needs to hear of it.
 */
public final class SecretReencryption {

    private static final String BATCH = "SELECT id, tenant_id, " + String.join(", ", TenantConfigRow.SECRET_COLUMNS)
            + " FROM tenant_configs WHERE id > :after ORDER BY id LIMIT :size FOR UPDATE";

    private final Jdbi jdbi;
    private final SecretCipher cipher;

    public SecretReencryption(Jdbi jdbi, SecretCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    /** What a run did. */
    public record Report(long rows, long reencrypted, long alreadyCurrent) {

        Report plus(Batch batch) {
            return new Report(
                    rows + batch.rows(), reencrypted + batch.reencrypted(), alreadyCurrent + batch.alreadyCurrent());
        }
    }

    /** What one batch did, and the last row id it read (where the next batch starts). */
    private record Batch(long rows, long reencrypted, long alreadyCurrent, long lastId) {}

    public Report run(int batchSize, Consumer<String> progress) {
        Report report = new Report(0, 0, 0);
        long after = 0;
        while (true) {
            long from = after;
            Batch batch = jdbi.inTransaction(handle -> reencryptBatch(handle, from, batchSize));
            if (batch.rows() == 0) {
                return report;
            }
            report = report.plus(batch);
            after = batch.lastId();
            progress.accept("rows up to id " + after + ": " + report.rows() + " read, " + report.reencrypted()
                    + " values re-encrypted");
        }
    }

    private Batch reencryptBatch(Handle handle, long after, int size) {
        List<Map<String, Object>> rows = handle.createQuery(BATCH)
                .bind("after", after)
                .bind("size", size)
                .mapToMap()
                .list();
        long reencrypted = 0;
        long current = 0;
        long lastId = after;
        for (Map<String, Object> row : rows) {
            lastId = ((Number) row.get("id")).longValue();
            String tenant = (String) row.get("tenant_id");
            for (String column : TenantConfigRow.SECRET_COLUMNS) {
                String stored = (String) row.get(column);
                if (stored == null) {
                    continue;
                }
                if (cipher.isCurrent(stored)) {
                    current++;
                    continue;
                }
                String location = TenantConfigRow.location(column, tenant);
                String fresh = cipher.encrypt(cipher.decrypt(stored, location), location);
                // The column name comes from the row type's own components, never from input.
                handle.createUpdate("UPDATE tenant_configs SET " + column + " = :value WHERE id = :id")
                        .bind("value", fresh)
                        .bind("id", lastId)
                        .execute();
                reencrypted++;
            }
        }
        return new Batch(rows.size(), reencrypted, current, lastId);
    }
}
