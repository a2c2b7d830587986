package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.ConfigStatistics;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.testing.SecretValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup restores: 100,000 configurations exported with their numbers and audit trail and
 * imported into an empty database come back as they were, secrets readable with the same keyset;
 * importing again changes nothing; a configuration changed here since is reported, not
 * overwritten; a file cut short is refused.
 */
class BackupCommandsTest {

    private static final int TENANTS = 100_000;
    /** Each configuration as the file carries it: every column but the id, which a restore assigns anew. */
    private static final String CONFIGS = "SELECT count(*) || ':' || md5(string_agg((to_jsonb(c) - 'id')::text, ','"
            + " ORDER BY c.tenant_id)) FROM tenant_configs c";

    /** Each account with its tenant: every column but the ids, which a restore assigns anew. */
    private static final String ACCOUNTS = "SELECT count(*) || ':' || md5(string_agg((to_jsonb(a) - 'id' - 'config_id'"
            + " || jsonb_build_object('tenant', c.tenant_id))::text, ',' ORDER BY c.tenant_id, a.waba_id))"
            + " FROM whatsapp_accounts a JOIN tenant_configs c ON c.id = a.config_id";

    private static final String NUMBERS = "SELECT count(*) || ':' || md5(string_agg((to_jsonb(n) - 'id' - 'config_id'"
            + " - 'account_id' || jsonb_build_object('tenant', c.tenant_id, 'account', a.waba_id))::text, ','"
            + " ORDER BY n.phone_number_id)) FROM tenant_phone_numbers n JOIN tenant_configs c ON c.id = n.config_id"
            + " JOIN whatsapp_accounts a ON a.id = n.account_id";

    @TempDir
    Path directory;

    private static String fingerprint(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    @Test
    void a_hundred_thousand_configurations_go_out_and_come_back_as_they_were() throws Exception {
        String keyset = SecretValues.secret(PostgresAdapters.newKeyset());
        TestDatabase source = TestDatabase.migrated();
        Jdbi from = Jdbi.create(source.dataSource());
        ConfigStore store =
                PostgresAdapters.direct(from, keyset, Clock.systemUTC()).store();
        for (String tenant : List.of("acme", "globex")) {
            store.inTransaction(
                    tx -> tx.insertIfAbsent(TestConfigs.aConfig(tenant).build()));
        }
        from.useHandle(h -> {
            h.execute("INSERT INTO tenant_configs (tenant_id, is_active, onboarding_status,"
                    + " onboarding_completed) SELECT 'tenant-' || g, g % 10 <> 0,"
                    + " 'NOT_STARTED', false FROM generate_series(1, " + (TENANTS - 2) + ") g");
            h.execute("INSERT INTO whatsapp_accounts (config_id, waba_id) SELECT id,"
                    + " (102290000000000 + split_part(tenant_id, '-', 2)::bigint)::text FROM tenant_configs"
                    + " WHERE tenant_id LIKE 'tenant-%'");
            h.execute("INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id, is_default)"
                    + " SELECT a.config_id, a.id, (106540000000000 + a.config_id)::text, true FROM whatsapp_accounts a"
                    + " JOIN tenant_configs c ON c.id = a.config_id WHERE c.tenant_id LIKE 'tenant-%'");
            h.execute("INSERT INTO tenant_config_audit (occurred_at, actor, tenant_id, action)"
                    + " SELECT now(), 'system', tenant_id, 'CREATE' FROM tenant_configs");
        });
        Path file = directory.resolve("backup.jsonl");

        String exported = CommandLine.run(
                "",
                "export",
                "--to",
                file.toString(),
                "--audit",
                OperatorConfig.write(directory, "source", source, keyset, "").toString());

        assertThat(exported).contains("Exported: 100000 configurations, 100000 phone numbers, 100000 audit records");
        assertThat(Files.readString(file))
                .as("secrets leave encrypted")
                .doesNotContain("EAAG-access-token-of-acme")
                .contains("tink1:");

        TestDatabase target = TestDatabase.migrated();
        Jdbi to = Jdbi.create(target.dataSource());
        Path targetConfig = OperatorConfig.write(directory, "target", target, keyset, "");
        String imported = CommandLine.run("", "import", "--from", file.toString(), targetConfig.toString());

        assertThat(imported)
                .contains("Imported: 100000 configurations created, 0 already here at the same version, 0 not restored,"
                        + " 100000 audit records.");
        assertThat(fingerprint(to, CONFIGS)).isEqualTo(fingerprint(from, CONFIGS));
        assertThat(fingerprint(to, ACCOUNTS)).isEqualTo(fingerprint(from, ACCOUNTS));
        assertThat(fingerprint(to, NUMBERS)).isEqualTo(fingerprint(from, NUMBERS));
        assertThat(PostgresAdapters.direct(to, keyset, Clock.systemUTC())
                        .catalog()
                        .statistics())
                .as("the counts the database keeps followed the import")
                .isEqualTo(PostgresAdapters.direct(from, keyset, Clock.systemUTC())
                        .catalog()
                        .statistics())
                .extracting(ConfigStatistics::total)
                .isEqualTo((long) TENANTS);
        assertThat(PostgresAdapters.direct(to, keyset, Clock.systemUTC())
                        .store()
                        .load(TenantId.of("acme")))
                .hasValueSatisfying(
                        acme -> assertThat(acme.token().accessToken().reveal()).isEqualTo("EAAG-access-token-of-acme"));

        assertThat(CommandLine.run("", "import", "--from", file.toString(), targetConfig.toString()))
                .as("again")
                .contains("Imported: 0 configurations created, 100000 already here at the same version, 0 not restored,"
                        + " 0 audit records (the audit trail here is not empty: the file's was not restored).");
    }

    @Test
    void a_configuration_changed_here_since_is_reported_and_kept_and_a_file_cut_short_is_refused() throws Exception {
        String keyset = SecretValues.secret(PostgresAdapters.newKeyset());
        TestDatabase source = TestDatabase.migrated();
        ConfigStore store = PostgresAdapters.direct(Jdbi.create(source.dataSource()), keyset, Clock.systemUTC())
                .store();
        for (String tenant : List.of("acme", "globex")) {
            store.inTransaction(
                    tx -> tx.insertIfAbsent(TestConfigs.aConfig(tenant).build()));
        }
        Path file = directory.resolve("backup.jsonl");
        CommandLine.run(
                "",
                "export",
                "--to",
                file.toString(),
                OperatorConfig.write(directory, "source", source, keyset, "").toString());
        TestDatabase target = TestDatabase.migrated();
        ConfigStore here = PostgresAdapters.direct(Jdbi.create(target.dataSource()), keyset, Clock.systemUTC())
                .store();
        here.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
        here.inTransaction(
                tx -> tx.save(TestConfigs.from(tx.lock(TenantId.of("acme")).orElseThrow())
                        .accessToken("EAAG-changed-here")
                        .build()));
        Path targetConfig = OperatorConfig.write(directory, "target", target, keyset, "");

        CommandLine.Outcome outcome =
                CommandLine.attempt("", "import", "--from", file.toString(), targetConfig.toString());

        assertThat(outcome.out())
                .contains("Not restored: tenant acme: it is at version 2 here and at 1 in the file; left as it is.")
                .contains("Imported: 1 configurations created, 0 already here at the same version, 1 not restored");
        assertThat(TenantConfigApplication.exitStatusOf(outcome.failure().orElseThrow()))
                .isEqualTo(2);
        assertThat(here.load(TenantId.of("acme"))
                        .orElseThrow()
                        .token()
                        .accessToken()
                        .reveal())
                .isEqualTo("EAAG-changed-here");
        assertThat(here.load(TenantId.of("globex"))).isPresent();

        List<String> lines = Files.readAllLines(file);
        Path cut = Files.write(directory.resolve("cut.jsonl"), lines.subList(0, lines.size() - 1));
        CommandLine.Outcome refused =
                CommandLine.attempt("", "import", "--from", cut.toString(), targetConfig.toString());

        assertThat(refused.err()).contains("the file ends before its closing line: it was cut short");
        assertThat(TenantConfigApplication.exitStatusOf(refused.failure().orElseThrow()))
                .isEqualTo(1);
    }
}
