package io.tenantconfig.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantconfig.application.port.out.ConfigBackup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * A file of every configuration with its numbers (and, when asked, the audit trail), and the
 * restore of one. Values are copied as stored: secrets stay encrypted (each bound to its tenant
 * and column, so they decrypt wherever the tenant is restored, with the same keyset), and the file
 * names the keyset's primary key id. PostgreSQL writes and reads the JSON (row_to_json,
 * jsonb_populate_record), so a column added by a migration travels without a change here.
 *
 * <p>The file is JSON Lines: a header, one line per configuration
 * ({@code {"type":"config","row":{...},"accounts":[...],"numbers":[...]}}, each number naming its
 * account by the account's {@code id} in the file), one per audit record, and a closing line with
 * the counts, so a truncated file is told apart from a complete one.
 *
 * <p>Version 2 of the format added {@code accounts}. A file of version 1, written before accounts
 * had a table of their own, holds the account's fields in the configuration's row: it is restored
 * as one account holding those fields and every number, as changeSet 22 moved such rows (none
 * when the row holds nothing of an account and has no number). Either way the tokens' ciphertexts
 * are copied as they are: they stay bound to {@code tenant_configs.<column>/<tenant>}.
 *
 * <p>A restore is idempotent: a configuration whose tenant is not there is created (with a new
 * id); one that is there at the same version is left as it is; one there at another version is a
 * conflict, reported and left as it is. Audit records are restored only into an empty audit
 * trail, since they have no key that says whether one is there already.
 */
final class Backup implements ConfigBackup {

    static final String FORMAT = "tenant-config-export";
    static final int FORMAT_VERSION = 2;
    /** The version written before accounts had a table of their own: still restored. */
    static final int SINGLE_ACCOUNT_VERSION = 1;

    /** The fields of a version 1 row that held its account (changeSet 22 names the same). */
    private static final List<String> ACCOUNT_FIELDS = List.of(
            "waba_id",
            "business_id",
            "access_token",
            "refresh_token",
            "token_expires_at",
            "last_verified_at",
            "standing_event",
            "standing_detail",
            "standing_since");

    private static final int BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final SecretCipher cipher;
    private final Clock clock;

    /** @param cipher names the keyset's primary key in the file; {@code clock} says when it was written */
    Backup(Jdbi jdbi, SecretCipher cipher, Clock clock) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public long configurations() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM tenant_configs")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public Exported export(Writer out, boolean audit, LongConsumer progress) {
        return jdbi.inTransaction(handle -> {
            // One snapshot for the whole file.
            handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
            write(
                    out,
                    handle.createQuery("SELECT json_build_object('format', :format, 'version', :version,"
                                    + " 'exported_at', :now, 'keyset_primary_key_id', :key)::text")
                            .bind("format", FORMAT)
                            .bind("version", FORMAT_VERSION)
                            .bind("now", clock.instant().toString())
                            .bind("key", cipher.primaryKeyId())
                            .mapTo(String.class)
                            .one());
            long[] counts = new long[4];
            // Each configuration's accounts and numbers read once: for its line and for the counts.
            handle.createQuery("SELECT json_build_object('type', 'config', 'row', to_jsonb(c), 'accounts', a.list,"
                            + " 'numbers', n.list)::text, jsonb_array_length(n.list), jsonb_array_length(a.list)"
                            + " FROM tenant_configs c CROSS JOIN LATERAL"
                            + " (SELECT coalesce(jsonb_agg(to_jsonb(w) ORDER BY w.id), '[]'::jsonb) AS list"
                            + " FROM whatsapp_accounts w WHERE w.config_id = c.id) a CROSS JOIN LATERAL"
                            + " (SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p.id), '[]'::jsonb) AS list"
                            + " FROM tenant_phone_numbers p WHERE p.config_id = c.id) n ORDER BY c.id")
                    .setFetchSize(BATCH)
                    .map((rs, ctx) -> {
                        write(out, rs.getString(1));
                        counts[1] += rs.getLong(2);
                        counts[3] += rs.getLong(3);
                        if (++counts[0] % BATCH == 0) {
                            progress.accept(counts[0]);
                        }
                        return null;
                    })
                    .forEach(nothing -> {});
            progress.accept(counts[0]);
            if (audit) {
                handle.createQuery("SELECT json_build_object('type', 'audit', 'row', to_jsonb(a))::text"
                                + " FROM tenant_config_audit a ORDER BY a.id")
                        .setFetchSize(BATCH)
                        .map((rs, ctx) -> {
                            write(out, rs.getString(1));
                            counts[2]++;
                            return null;
                        })
                        .forEach(nothing -> {});
            }
            write(
                    out,
                    "{\"type\":\"end\",\"configs\":" + counts[0] + ",\"accounts\":" + counts[3] + ",\"numbers\":"
                            + counts[1] + ",\"audit\":" + counts[2] + "}");
            return new Exported(counts[0], counts[1], counts[2]);
        });
    }

    @Override
    public Restored restore(BufferedReader in, LongConsumer progress) throws IOException {
        String header = in.readLine();
        JsonNode head = header == null ? null : parse(header);
        int version = head == null ? 0 : head.path("version").asInt();
        if (head == null
                || !FORMAT.equals(head.path("format").asText())
                || (version != FORMAT_VERSION && version != SINGLE_ACCOUNT_VERSION)) {
            throw new IllegalArgumentException(
                    "not a " + FORMAT + " file of version " + SINGLE_ACCOUNT_VERSION + " or " + FORMAT_VERSION);
        }
        Restoring restoring = jdbi.withHandle(handle -> new Restoring(
                columnsBut(handle, "tenant_configs", "id"),
                columnsBut(handle, "whatsapp_accounts", "id", "config_id"),
                columnsBut(handle, "tenant_phone_numbers", "id", "config_id", "account_id"),
                handle.createQuery("SELECT NOT EXISTS (SELECT 1 FROM tenant_config_audit)")
                        .mapTo(Boolean.class)
                        .one()));
        boolean ended = false;
        List<Line> batch = new ArrayList<>();
        long done = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = parse(line);
            if ("end".equals(node.path("type").asText())) {
                ended = true;
                break;
            }
            batch.add(new Line(line, node));
            if (batch.size() == BATCH) {
                restoreBatch(batch, restoring);
                done += batch.size();
                progress.accept(done);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            restoreBatch(batch, restoring);
            progress.accept(done + batch.size());
        }
        if (!ended) {
            throw new IllegalArgumentException("the file ends before its closing line: it was cut short. "
                    + restoring.created + " configurations were restored before the end; running the import again"
                    + " with a complete file finishes it");
        }
        // Every instance reads what it holds again.
        jdbi.useHandle(h -> h.execute("SELECT pg_notify('" + ConfigNotifications.CHANNEL + "', '')"));
        return new Restored(
                restoring.created, restoring.unchanged, restoring.conflicts, restoring.audit, restoring.auditSkipped);
    }

    /** What a restore needs to know once, and what it has done so far. */
    private static final class Restoring {
        final String configColumns;
        final String accountColumns;
        /** The same, each read from the alias {@code a}; a missing standing is GOOD. */
        final String accountColumnsOfA;

        final String numberColumns;
        /**
         * The same, each read from the alias {@code n}; a number of a file written before coexistence
         * is not one, and one written before verification through the service is verified.
         */
        final String numberColumnsOfN;

        final boolean auditEmpty;
        long created;
        long unchanged;
        long audit;
        boolean auditSkipped;
        final List<Conflict> conflicts = new ArrayList<>();

        Restoring(String configColumns, String accountColumns, String numberColumns, boolean auditEmpty) {
            this.configColumns = configColumns;
            this.accountColumns = accountColumns;
            this.accountColumnsOfA = Arrays.stream(accountColumns.split(", "))
                    .map(column ->
                            "standing_status".equals(column) ? "coalesce(a.standing_status, 'GOOD')" : "a." + column)
                    .collect(Collectors.joining(", "));
            this.numberColumns = numberColumns;
            this.numberColumnsOfN = Arrays.stream(numberColumns.split(", "))
                    .map(column -> switch (column) {
                        case "coexistence" -> "coalesce(n.coexistence, false)";
                        case "verified" -> "coalesce(n.verified, true)";
                        default -> "n." + column;
                    })
                    .collect(Collectors.joining(", "));
            this.auditEmpty = auditEmpty;
        }
    }

    /** A line of the file as written (bound to the SQL) and as read (for its type, tenant and version). */
    private record Line(String text, JsonNode node) {}

    private void restoreBatch(List<Line> lines, Restoring restoring) {
        jdbi.useTransaction(handle -> {
            Map<String, Integer> here = versionsHere(handle, lines);
            boolean audited = false;
            for (Line each : lines) {
                String line = each.text();
                JsonNode node = each.node();
                if ("audit".equals(node.path("type").asText())) {
                    if (restoring.auditEmpty) {
                        handle.createUpdate("INSERT INTO tenant_config_audit SELECT * FROM"
                                        + " jsonb_populate_record(NULL::tenant_config_audit, (:line::jsonb)->'row')")
                                .bind("line", line)
                                .execute();
                        restoring.audit++;
                        audited = true;
                    } else {
                        restoring.auditSkipped = true;
                    }
                } else {
                    restoreConfig(handle, line, node, here, restoring);
                }
            }
            if (audited) {
                handle.execute("SELECT setval(pg_get_serial_sequence('tenant_config_audit', 'id'),"
                        + " (SELECT max(id) FROM tenant_config_audit))");
            }
        });
    }

    /**
     * The version stored here of each configuration the batch holds, asked for once per batch (the
     * batch's transaction then holds the snapshot; a concurrent insert of the same tenant fails its
     * insert below and is reported as a conflict).
     */
    private static Map<String, Integer> versionsHere(Handle handle, List<Line> lines) {
        List<String> tenants = lines.stream()
                .filter(line -> !"audit".equals(line.node().path("type").asText()))
                .map(line -> line.node().path("row").path("tenant_id").asText())
                .toList();
        Map<String, Integer> versions = new HashMap<>();
        if (!tenants.isEmpty()) {
            handle.createQuery("SELECT tenant_id, version FROM tenant_configs WHERE tenant_id = ANY(:tenants)")
                    .bindArray("tenants", String.class, tenants)
                    .map((rs, ctx) -> versions.put(rs.getString("tenant_id"), rs.getInt("version")))
                    .list();
        }
        return versions;
    }

    private static void restoreConfig(
            Handle handle, String line, JsonNode node, Map<String, Integer> versionsHere, Restoring restoring) {
        JsonNode row = node.path("row");
        String tenant = row.path("tenant_id").asText();
        int inFile = row.path("version").asInt();
        Integer here = versionsHere.get(tenant);
        if (here != null) {
            if (here == inFile) {
                restoring.unchanged++;
            } else {
                restoring.conflicts.add(new Conflict(
                        tenant, "it is at version " + here + " here and at " + inFile + " in the file; left as it is"));
            }
            return;
        }
        handle.execute("SAVEPOINT restoring_config");
        try {
            long configId = handle.createQuery("INSERT INTO tenant_configs (" + restoring.configColumns + ")"
                            + " SELECT " + restoring.configColumns
                            + " FROM jsonb_populate_record(NULL::tenant_configs, (:line::jsonb)->'row') RETURNING id")
                    .bind("line", line)
                    .mapTo(Long.class)
                    .one();
            // Each account gets a new id here: the numbers name theirs by the id in the file.
            ObjectNode accountIds = JSON.createObjectNode();
            Long onlyAccount = null;
            JsonNode numbers = node.path("numbers");
            if (node.has("accounts")) {
                for (JsonNode account : node.path("accounts")) {
                    accountIds.put(
                            account.path("id").asText(),
                            insertAccount(handle, restoring, configId, account.toString()));
                }
            } else if (holdsAccount(row) || numbers.size() > 0) {
                onlyAccount = insertAccount(handle, restoring, configId, row.toString());
            }
            handle.createUpdate("INSERT INTO tenant_phone_numbers (config_id, account_id, " + restoring.numberColumns
                            + ") SELECT :config, coalesce((CAST(:accounts AS jsonb) ->> CAST(n.account_id AS text))::bigint,"
                            + " :only), " + restoring.numberColumnsOfN
                            + " FROM jsonb_populate_recordset(NULL::tenant_phone_numbers, (:line::jsonb)->'numbers')"
                            + " AS n ORDER BY n.id")
                    .bind("config", configId)
                    .bind("accounts", accountIds.toString())
                    .bindByType("only", onlyAccount, Long.class)
                    .bind("line", line)
                    .execute();
            handle.execute("RELEASE SAVEPOINT restoring_config");
            versionsHere.put(tenant, inFile);
            restoring.created++;
        } catch (JdbiException e) {
            handle.execute("ROLLBACK TO SAVEPOINT restoring_config");
            restoring.conflicts.add(new Conflict(
                    tenant,
                    "the database refused it (" + sqlState(e)
                            + "): its account, a number or its webhook key belongs to another tenant here; left out"));
        }
    }

    /** Inserts the account {@code fields} hold (their names are the table's columns) into the configuration. */
    private static long insertAccount(Handle handle, Restoring restoring, long configId, String fields) {
        return handle.createQuery(
                        "INSERT INTO whatsapp_accounts (config_id, " + restoring.accountColumns + ")"
                                + " SELECT :config, " + restoring.accountColumnsOfA
                                + " FROM jsonb_populate_record(NULL::whatsapp_accounts, CAST(:fields AS jsonb)) AS a RETURNING id")
                .bind("config", configId)
                .bind("fields", fields)
                .mapTo(Long.class)
                .one();
    }

    /** Whether a version 1 row holds anything of an account: an id, a token, a verification, a standing other than GOOD. */
    private static boolean holdsAccount(JsonNode row) {
        return ACCOUNT_FIELDS.stream()
                        .anyMatch(field -> !row.path(field).isMissingNode()
                                && !row.path(field).isNull())
                || (row.hasNonNull("standing_status")
                        && !"GOOD".equals(row.path("standing_status").asText()));
    }

    private static String sqlState(JdbiException e) {
        return e.getCause() instanceof java.sql.SQLException sql ? "SQLSTATE " + sql.getSQLState() : "error";
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("a line of the file is not JSON: the file is damaged");
        }
    }

    /** The table's columns, in order, but those {@code leftOut}: what a restored row carries over. */
    private static String columnsBut(Handle handle, String table, String... leftOut) {
        return String.join(
                ", ",
                handle.createQuery("SELECT column_name FROM information_schema.columns WHERE table_schema ="
                                + " current_schema() AND table_name = :table AND NOT (column_name = ANY (:left))"
                                + " ORDER BY ordinal_position")
                        .bind("table", table)
                        .bindArray("left", String.class, (Object[]) leftOut)
                        .mapTo(String.class)
                        .list());
    }

    private static void write(Writer out, String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
