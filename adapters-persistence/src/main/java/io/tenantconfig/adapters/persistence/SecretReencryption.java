package io.tenantconfig.adapters.persistence;

import io.tenantconfig.adapters.persistence.crypto.SecretCipher;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Re-encrypts every stored secret (the configurations' and their numbers' PINs) with the keyset's primary key, and encrypts values stored in
 * clear (rows migrated from the earlier version). Works in batches of rows, one transaction per
 * batch, skipping values already under the primary key: it can be interrupted and run again, and
 * a second run changes nothing. Values do not change, so no cache needs to hear of it.
 */
public final class SecretReencryption {

    /** A table holding secrets: how to read a batch of its rows (id, tenant_id, then the secrets) and which columns. */
    private record SecretTable(String name, String batch, List<String> columns) {}

    private static final List<SecretTable> TABLES = List.of(
            new SecretTable(
                    TenantConfigRow.TABLE,
                    "SELECT id, tenant_id, " + String.join(", ", TenantConfigRow.SECRET_COLUMNS) + " FROM "
                            + TenantConfigRow.TABLE + " WHERE id > :after ORDER BY id LIMIT :size FOR UPDATE",
                    TenantConfigRow.SECRET_COLUMNS),
            new SecretTable(
                    PhoneNumberRow.TABLE,
                    "SELECT n.id, c.tenant_id, n." + PhoneNumberRow.PIN_COLUMN + " FROM " + PhoneNumberRow.TABLE
                            + " n JOIN " + TenantConfigRow.TABLE + " c ON c.id = n.config_id"
                            + " WHERE n.id > :after ORDER BY n.id LIMIT :size FOR UPDATE OF n",
                    List.of(PhoneNumberRow.PIN_COLUMN)));

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
        for (SecretTable table : TABLES) {
            long after = 0;
            while (true) {
                long from = after;
                Batch batch = jdbi.inTransaction(handle -> reencryptBatch(handle, table, from, batchSize));
                if (batch.rows() == 0) {
                    break;
                }
                report = report.plus(batch);
                after = batch.lastId();
                progress.accept(table.name() + " rows up to id " + after + ": " + report.rows() + " read, "
                        + report.reencrypted() + " values re-encrypted");
            }
        }
        return report;
    }

    private Batch reencryptBatch(Handle handle, SecretTable table, long after, int size) {
        List<Map<String, Object>> rows = handle.createQuery(table.batch())
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
            for (String column : table.columns()) {
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
                // Table and column names are this class's constants, never input.
                handle.createUpdate("UPDATE " + table.name() + " SET " + column + " = :value WHERE id = :id")
                        .bind("value", fresh)
                        .bind("id", lastId)
                        .execute();
                reencrypted++;
            }
        }
        return new Batch(rows.size(), reencrypted, current, lastId);
    }
}
