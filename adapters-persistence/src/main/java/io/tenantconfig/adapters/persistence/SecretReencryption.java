package io.tenantconfig.adapters.persistence;

import io.tenantconfig.domain.port.SecretCipher;
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

    static final List<String> SECRET_COLUMNS = List.of("access_token", "fb_app_secret", "refresh_token", "registration_pin");

    private static final String BATCH = """
            SELECT id, tenant_id, access_token, fb_app_secret, refresh_token, registration_pin
            FROM tenant_configs WHERE id > :after ORDER BY id LIMIT :size FOR UPDATE""";

    private final Jdbi jdbi;
    private final SecretCipher cipher;

    public SecretReencryption(Jdbi jdbi, SecretCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    /** What a run did. */
    public record Report(long rows, long reencrypted, long alreadyCurrent) {
    }

    public Report run(int batchSize, Consumer<String> progress) {
        long after = 0;
        long rows = 0;
        long reencrypted = 0;
        long current = 0;
        while (true) {
            long from = after;
            long[] batch = jdbi.inTransaction(handle -> reencryptBatch(handle, from, batchSize));
            if (batch[0] == 0) {
                break;
            }
            rows += batch[0];
            reencrypted += batch[1];
            current += batch[2];
            after = batch[3];
            progress.accept("rows up to id " + after + ": " + rows + " read, " + reencrypted + " values re-encrypted");
        }
        return new Report(rows, reencrypted, current);
    }

    /** @return rows read, values re-encrypted, values already current, last id */
    private long[] reencryptBatch(Handle handle, long after, int size) {
        List<Map<String, Object>> rows = handle.createQuery(BATCH).bind("after", after).bind("size", size).mapToMap().list();
        long reencrypted = 0;
        long current = 0;
        long lastId = after;
        for (Map<String, Object> row : rows) {
            lastId = ((Number) row.get("id")).longValue();
            String tenant = (String) row.get("tenant_id");
            for (String column : SECRET_COLUMNS) {
                String stored = (String) row.get(column);
                if (stored == null) {
                    continue;
                }
                if (cipher.isCurrent(stored)) {
                    current++;
                    continue;
                }
                String location = Columns.location(column, tenant);
                String fresh = cipher.encrypt(cipher.decrypt(stored, location), location);
                // The column name comes from the fixed list above, never from input.
                handle.createUpdate("UPDATE tenant_configs SET " + column + " = :value WHERE id = :id")
                        .bind("value", fresh).bind("id", lastId).execute();
                reencrypted++;
            }
        }
        return new long[] {rows.size(), reencrypted, current, lastId};
    }
}
