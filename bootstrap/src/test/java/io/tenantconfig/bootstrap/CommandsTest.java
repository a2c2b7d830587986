package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.auth.JwtAuthFactory;
import io.tenantconfig.adapters.rest.auth.JwtVerifier;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.testing.SecretValues;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands, run as the command line runs them, against a real database. */
class CommandsTest {

    private static final String HMAC_SECRET = OperatorConfig.HMAC_SECRET;

    @TempDir
    Path directory;

    private Path configFile(TestDatabase database, String keyset, String extraAuth) throws Exception {
        return OperatorConfig.write(directory, "config", database, keyset, extraAuth);
    }

    @Test
    void secrets_reencrypt_moves_every_stored_secret_to_the_new_primary_key() throws Exception {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        String oldKeyset = SecretValues.secret(PostgresAdapters.newKeyset());
        ConfigStore withOldKey =
                PostgresAdapters.direct(jdbi, oldKeyset, Clock.systemUTC()).store();
        for (String tenant : List.of("acme", "globex", "initech")) {
            withOldKey.inTransaction(
                    tx -> tx.insertIfAbsent(TestConfigs.aConfig(tenant).build()));
        }
        String rotated = SecretValues.secret(PostgresAdapters.rotateKeyset(oldKeyset));

        String output = CommandLine.run(
                "",
                "secrets",
                "reencrypt",
                "--batch-size",
                "2",
                configFile(database, rotated, "").toString());

        assertThat(output)
                .isEqualTo("Done: 9 rows, 12 values re-encrypted, 0 already under the primary key, 0 unreadable.");
        ConfigStore withNewKeyOnly = PostgresAdapters.direct(
                        jdbi, PostgresAdapters.pruneKeyset(rotated), Clock.systemUTC())
                .store();
        assertThat(withNewKeyOnly
                        .load(TenantId.of("globex"))
                        .orElseThrow()
                        .token()
                        .accessToken()
                        .reveal())
                .isEqualTo("EAAG-access-token-of-globex");
        assertThat(CommandLine.run(
                        "",
                        "secrets",
                        "reencrypt",
                        configFile(database, rotated, "").toString()))
                .as("a second run changes nothing")
                .isEqualTo("Done: 9 rows, 0 values re-encrypted, 12 already under the primary key, 0 unreadable.");
    }

    @Test
    void secrets_reencrypt_names_a_value_that_does_not_decrypt_finishes_the_rest_and_ends_with_status_2()
            throws Exception {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        String oldKeyset = SecretValues.secret(PostgresAdapters.newKeyset());
        ConfigStore withOldKey =
                PostgresAdapters.direct(jdbi, oldKeyset, Clock.systemUTC()).store();
        for (String tenant : List.of("acme", "globex")) {
            withOldKey.inTransaction(
                    tx -> tx.insertIfAbsent(TestConfigs.aConfig(tenant).build()));
        }
        jdbi.useHandle(h -> h.execute("UPDATE whatsapp_accounts SET access_token = (SELECT a.access_token FROM"
                + " whatsapp_accounts a JOIN tenant_configs c ON c.id = a.config_id WHERE c.tenant_id = 'globex')"
                + " WHERE config_id = (SELECT id FROM tenant_configs WHERE tenant_id = 'acme')"));
        long acmeRow = jdbi.withHandle(h -> h.createQuery("SELECT a.id FROM whatsapp_accounts a JOIN tenant_configs c"
                        + " ON c.id = a.config_id WHERE c.tenant_id = 'acme'")
                .mapTo(Long.class)
                .one());
        String rotated = SecretValues.secret(PostgresAdapters.rotateKeyset(oldKeyset));
        String config = configFile(database, rotated, "").toString();

        CommandLine.Outcome verified = CommandLine.attempt("", "secrets", "verify", config);
        CommandLine.Outcome reencrypted = CommandLine.attempt("", "secrets", "reencrypt", config);

        String unreadable = "Unreadable: whatsapp_accounts row " + acmeRow + " (tenant acme), access_token: does not"
                + " decrypt for its row and column with any key of the keyset (copied from another row or column, or"
                + " encrypted with a key no longer in the keyset).";
        assertThat(verified.out())
                .isEqualTo(unreadable + "\nVerified: 6 rows, 7 values to re-encrypt, 0 already under the primary key,"
                        + " 1 unreadable.");
        assertThat(reencrypted.out())
                .isEqualTo(unreadable + "\nDone: 6 rows, 7 values re-encrypted, 0 already under the primary key,"
                        + " 1 unreadable.");
        assertThat(reencrypted.err())
                .as("one line, no stack trace")
                .isEqualTo(
                        "1 stored values do not decrypt; they are listed above. Nothing else is wrong with the run.");
        assertThat(reencrypted.failure())
                .hasValueSatisfying(failure -> assertThat(TenantConfigApplication.exitStatusOf(failure))
                        .isEqualTo(2));
        assertThat(TenantConfigApplication.exitStatusOf(new IllegalStateException("anything else")))
                .isEqualTo(1);
        assertThat(CommandLine.attempt("", "secrets", "verify", config).out())
                .as("the rest is under the new key now")
                .endsWith("Verified: 6 rows, 0 values to re-encrypt, 7 already under the primary key, 1 unreadable.");
    }

    @Test
    void token_prints_a_token_the_configured_service_accepts_with_its_claim_and_role_names() throws Exception {
        String auth = """
              tenantClaims: [org]
              userClaims: [uid]
              adminRole: platform_admin
            """;
        Path file = configFile(TestDatabase.empty(), PostgresAdapters.newKeyset(), auth);

        String token = CommandLine.run(
                "", "token", "--tenant", "acme", "--subject", "ops", "--roles", "admin", file.toString());

        JwtAuthFactory configured = new JwtAuthFactory();
        configured.setHmacSecret(HMAC_SECRET);
        configured.setTenantClaims(List.of("org"));
        configured.setUserClaims(List.of("uid"));
        configured.setAdminRole("platform_admin");
        CallerPrincipal caller = new JwtVerifier(configured.settings(), Clock.systemUTC())
                .verify(token)
                .orElseThrow();
        assertThat(caller.tenant()).contains(TenantId.of("acme"));
        assertThat(caller.subject()).isEqualTo("ops");
        assertThat(caller.roles()).containsExactly(Roles.ADMIN);
        assertThat(caller.tokenRoles()).containsExactly("platform_admin");
    }
}
