package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.EncryptedSecrets;
import io.tenantconfig.application.port.out.SecretUnreadableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Re-encrypts every stored secret (the configurations' app secrets, their accounts' tokens and their numbers' PINs) with the keyset's primary key, and encrypts values stored in
 * clear (rows migrated from the earlier version). Works in batches of rows, one transaction per
 * batch, skipping values already under the primary key: it can be interrupted and run again, and
 * a second run changes nothing. A value that does not decrypt is named in the report and left
 * alone; the run goes on. Values do not change, so no cache needs to hear of it.
 */
final class SecretReencryption implements EncryptedSecrets {

    /** A table holding secrets: how to read a batch of its rows (id, tenant_id, then the secrets) and which columns. */
    private record SecretTable(String name, String batch, List<String> columns) {}

    private static final List<SecretTable> TABLES = List.of(
            new SecretTable(
                    TenantConfigRow.TABLE,
                    "SELECT id, tenant_id, " + String.join(", ", TenantConfigRow.SECRET_COLUMNS) + " FROM "
                            + TenantConfigRow.TABLE + " WHERE id > :after ORDER BY id LIMIT :size FOR UPDATE",
                    TenantConfigRow.SECRET_COLUMNS),
            // Each account's tokens stay bound to tenant_configs.<column>/<tenant>, as they were written.
            new SecretTable(
                    AccountRow.TABLE,
                    "SELECT a.id, c.tenant_id, a." + String.join(", a.", AccountRow.SECRET_COLUMNS) + " FROM "
                            + AccountRow.TABLE + " a JOIN " + TenantConfigRow.TABLE + " c ON c.id = a.config_id"
                            + " WHERE a.id > :after ORDER BY a.id LIMIT :size FOR UPDATE OF a",
                    AccountRow.SECRET_COLUMNS),
            new SecretTable(
                    PhoneNumberRow.TABLE,
                    "SELECT n.id, c.tenant_id, n." + PhoneNumberRow.PIN_COLUMN + " FROM " + PhoneNumberRow.TABLE
                            + " n JOIN " + TenantConfigRow.TABLE + " c ON c.id = n.config_id"
                            + " WHERE n.id > :after ORDER BY n.id LIMIT :size FOR UPDATE OF n",
                    List.of(PhoneNumberRow.PIN_COLUMN)));

    private final Jdbi jdbi;
    private final SecretCipher cipher;

    SecretReencryption(Jdbi jdbi, SecretCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    /** What one batch did, and the last row id it read (where the next batch starts). */
    private record Batch(long rows, long current, long reencrypted, List<Unreadable> unreadable, long lastId) {}

    @Override
    public long rowsToRead() {
        return jdbi.withHandle(handle -> TABLES.stream()
                .mapToLong(table -> handle.createQuery("SELECT count(*) FROM " + table.name())
                        .mapTo(Long.class)
                        .one())
                .sum());
    }

    @Override
    public Report reencrypt(int batchSize, LongConsumer progress) {
        return walk(batchSize, progress, true);
    }

    @Override
    public Report verify(int batchSize, LongConsumer progress) {
        return walk(batchSize, progress, false);
    }

    private Report walk(int batchSize, LongConsumer progress, boolean write) {
        Report report = new Report(0, 0, 0, List.of());
        for (SecretTable table : TABLES) {
            long after = 0;
            while (true) {
                long from = after;
                Batch batch = jdbi.inTransaction(handle -> batch(handle, table, from, batchSize, write));
                if (batch.rows() == 0) {
                    break;
                }
                report = plus(report, batch);
                after = batch.lastId();
                progress.accept(report.rows());
            }
        }
        return report;
    }

    private static Report plus(Report report, Batch batch) {
        List<Unreadable> all = new ArrayList<>(report.unreadable());
        all.addAll(batch.unreadable());
        return new Report(
                report.rows() + batch.rows(),
                report.current() + batch.current(),
                report.reencrypted() + batch.reencrypted(),
                all);
    }

    private Batch batch(Handle handle, SecretTable table, long after, int size, boolean write) {
        List<Map<String, Object>> rows = handle.createQuery(table.batch())
                .bind("after", after)
                .bind("size", size)
                .mapToMap()
                .list();
        long reencrypted = 0;
        long current = 0;
        List<Unreadable> unreadable = new ArrayList<>();
        long lastId = after;
        for (Map<String, Object> row : rows) {
            lastId = ((Number) row.get("id")).longValue();
            String tenant = (String) row.get("tenant_id");
            for (String column : table.columns()) {
                String stored = (String) row.get(column);
                if (stored == null) {
                    continue;
                }
                String location = TenantConfigRow.location(column, tenant);
                String value;
                try {
                    // Decrypted even when under the primary key: a value copied from another row is found too.
                    value = cipher.decrypt(stored, location);
                } catch (SecretUnreadableException e) {
                    unreadable.add(new Unreadable(table.name(), lastId, tenant, column));
                    continue;
                }
                if (cipher.isCurrent(stored)) {
                    current++;
                    continue;
                }
                if (write) {
                    // Table and column names are this class's constants, never input.
                    handle.createUpdate("UPDATE " + table.name() + " SET " + column + " = :value WHERE id = :id")
                            .bind("value", cipher.encrypt(value, location))
                            .bind("id", lastId)
                            .execute();
                }
                reencrypted++;
            }
        }
        return new Batch(rows.size(), current, reencrypted, unreadable, lastId);
    }
}
