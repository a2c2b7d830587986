package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.persistence.JdbiConfigStore;
import io.tenantconfig.adapters.persistence.crypto.Keysets;
import io.tenantconfig.adapters.persistence.crypto.TinkSecretCipher;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.adapters.rest.auth.CallerPrincipal;
import io.tenantconfig.adapters.rest.auth.JwtAuthFactory;
import io.tenantconfig.adapters.rest.auth.JwtVerifier;
import io.tenantconfig.adapters.rest.auth.Roles;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.testing.SecretValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands, run as the command line runs them, against a real database. */
class CommandsTest {

    private static final String HMAC_SECRET = SecretValues.secret("command-test-secret-of-at-least-32-bytes-0123");

    @TempDir
    Path directory;

    /** A configuration file as an operator writes one: the database, the token secret, the keyset file. */
    private Path configFile(TestDatabase database, String keyset, String extraAuth) throws Exception {
        Path keysetFile = Files.writeString(directory.resolve("keyset.json"), keyset);
        return Files.writeString(directory.resolve("config.yml"), """
                database:
                  url: %s
                  user: %s
                auth:
                  algorithms: [HS256]
                  hmacSecret: %s
                %s
                meta:
                  appId: "1234567890"
                  appSecret: not-a-real-app-secret
                encryption:
                  keysetFile: %s
                """.formatted(
                        database.jdbcUrl(), TestDatabase.USER, HMAC_SECRET, extraAuth, keysetFile));
    }

    @Test
    void secrets_reencrypt_moves_every_stored_secret_to_the_new_primary_key() throws Exception {
        TestDatabase database = TestDatabase.migrated();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        String oldKeyset = SecretValues.secret(Keysets.generate());
        JdbiConfigStore withOldKey = new JdbiConfigStore(jdbi, new TinkSecretCipher(oldKeyset));
        for (String tenant : List.of("acme", "globex", "initech")) {
            withOldKey.inTransaction(
                    tx -> tx.insertIfAbsent(TestConfigs.aConfig(tenant).build()));
        }
        String rotated = SecretValues.secret(Keysets.rotate(oldKeyset));

        String output = CommandLine.run(
                "",
                "secrets",
                "reencrypt",
                "--batch-size",
                "2",
                configFile(database, rotated, "").toString());

        assertThat(output).endsWith("Done: 6 rows, 12 values re-encrypted, 0 already under the primary key.");
        JdbiConfigStore withNewKeyOnly = new JdbiConfigStore(jdbi, new TinkSecretCipher(Keysets.prune(rotated)));
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
                .endsWith("Done: 6 rows, 0 values re-encrypted, 12 already under the primary key.");
    }

    @Test
    void token_prints_a_token_the_configured_service_accepts_with_its_claim_and_role_names() throws Exception {
        String auth = """
                  tenantClaims: [org]
                  userClaims: [uid]
                  adminRole: platform_admin
                """;
        Path file = configFile(TestDatabase.empty(), Keysets.generate(), auth);

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
