package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.EncryptedSecrets;
import io.tenantconfig.application.port.out.SecretUnreadableException;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Secrets in the database are ciphertext bound to their tenant and column, and keys can rotate. */
class EncryptionAtRestTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    /** A configuration's secret columns and its account's. */
    private static final List<String> SECRET_COLUMNS = Stream.concat(
                    TenantConfigRow.SECRET_COLUMNS.stream(), AccountRow.SECRET_COLUMNS.stream())
            .toList();

    /** A configuration's secrets copied in SQL: its own, or its (only) account's token. */
    private static final String ACCESS_TOKEN_OF_C =
            "(SELECT a.access_token FROM whatsapp_accounts a WHERE a.config_id = c.id)";

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private String keyset;

    @BeforeEach
    void emptyTableAndANewKeyset() throws Exception {
        jdbi.useHandle(
                h -> h.execute(
                        "TRUNCATE tenant_configs, whatsapp_accounts, message_templates, template_syncs, tenant_phone_numbers, app_data_syncs, business_profiles, tenant_health RESTART IDENTITY"));
        keyset = Keysets.generate();
    }

    private JdbiConfigStore store(String keysetJson) {
        return new JdbiConfigStore(jdbi, new TinkSecretCipher(keysetJson));
    }

    private void insert(TenantConfig config) {
        store(keyset).inTransaction(tx -> tx.insertIfAbsent(config));
    }

    private Map<String, Object> rawRow(String tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT c.*, a.access_token, a.refresh_token FROM tenant_configs c"
                        + " LEFT JOIN whatsapp_accounts a ON a.config_id = c.id WHERE c.tenant_id = :t")
                .bind("t", tenant)
                .mapToMap()
                .one());
    }

    @Test
    void no_secret_reaches_the_database_in_clear() {
        TenantConfig config = TestConfigs.aConfig("acme").build();
        insert(config);

        Map<String, Object> row = rawRow("acme");

        for (String column : SECRET_COLUMNS) {
            assertThat(row.get(column).toString()).startsWith("tink1:");
        }
        String everything = row.toString();
        assertThat(everything)
                .doesNotContain(config.token().accessToken().reveal())
                .doesNotContain(config.app().appSecret().reveal())
                .doesNotContain(config.token().refreshToken().reveal())
                .doesNotContain(
                        config.defaultNumber().orElseThrow().registrationPin().reveal());
        String pin = jdbi.withHandle(h -> h.createQuery("SELECT registration_pin FROM tenant_phone_numbers")
                .mapTo(String.class)
                .one());
        assertThat(pin).startsWith("tink1:");
        assertThat(store(keyset).load(TenantId.of("acme")).orElseThrow().token().accessToken())
                .isEqualTo(config.token().accessToken());
    }

    @Test
    void a_ciphertext_copied_into_another_tenants_row_does_not_decrypt() {
        insert(TestConfigs.aConfig("acme").build());
        insert(TestConfigs.aConfig("globex").build());

        jdbi.useHandle(h -> h.execute("UPDATE whatsapp_accounts SET access_token = (SELECT a.access_token FROM"
                + " whatsapp_accounts a JOIN tenant_configs c ON c.id = a.config_id WHERE c.tenant_id = 'acme')"
                + " WHERE config_id = (SELECT id FROM tenant_configs WHERE tenant_id = 'globex')"));

        assertThatThrownBy(() -> store(keyset).load(TenantId.of("globex")))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessage("the secret stored at tenant_configs.access_token/globex cannot be decrypted")
                .hasMessageNotContaining("EAAG");
    }

    @Test
    void a_ciphertext_copied_into_another_column_does_not_decrypt() {
        insert(TestConfigs.aConfig("acme").build());

        jdbi.useHandle(h -> h.execute("UPDATE tenant_configs c SET fb_app_secret = " + ACCESS_TOKEN_OF_C));

        assertThatThrownBy(() -> store(keyset).load(TenantId.of("acme"))).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void rotating_then_reencrypting_leaves_every_row_readable_with_only_the_new_key() throws Exception {
        for (int i = 1; i <= 7; i++) {
            insert(TestConfigs.aConfig("tenant-" + i).build());
        }
        String rotated = Keysets.rotate(keyset);

        EncryptedSecrets.Report report =
                new SecretReencryption(jdbi, new TinkSecretCipher(rotated)).reencrypt(3, rows -> {});

        assertThat(report.rows())
                .as("7 configurations, their 7 accounts and their 7 numbers")
                .isEqualTo(21);
        assertThat(report.reencrypted())
                .as("each one's secrets and each number's PIN")
                .isEqualTo(7 * (SECRET_COLUMNS.size() + 1));
        JdbiConfigStore onlyNewKey = store(Keysets.prune(rotated));
        for (int i = 1; i <= 7; i++) {
            assertThat(onlyNewKey
                            .load(TenantId.of("tenant-" + i))
                            .orElseThrow()
                            .token()
                            .accessToken()
                            .reveal())
                    .isEqualTo("EAAG-access-token-of-tenant-" + i);
            assertThat(onlyNewKey
                            .load(TenantId.of("tenant-" + i))
                            .orElseThrow()
                            .defaultNumber()
                            .orElseThrow()
                            .registrationPin()
                            .reveal())
                    .isEqualTo("482913");
        }
        assertThatThrownBy(() -> store(keyset).load(TenantId.of("tenant-1")))
                .as("the old key alone no longer reads them")
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void reencrypting_twice_changes_nothing_the_second_time() throws Exception {
        insert(TestConfigs.aConfig("acme").build());
        SecretReencryption reencryption = new SecretReencryption(jdbi, new TinkSecretCipher(Keysets.rotate(keyset)));

        reencryption.reencrypt(10, rows -> {});
        Map<String, Object> before = rawRow("acme");
        EncryptedSecrets.Report second = reencryption.reencrypt(10, rows -> {});

        assertThat(second.reencrypted()).isZero();
        assertThat(second.current()).isEqualTo(SECRET_COLUMNS.size() + 1);
        assertThat(rawRow("acme")).isEqualTo(before);
    }

    @Test
    void a_value_that_does_not_decrypt_is_named_and_every_other_one_is_still_reencrypted() throws Exception {
        for (String tenant : List.of("acme", "globex", "initech")) {
            insert(TestConfigs.aConfig(tenant).build());
        }
        // globex's access token copied into acme's row: under the key, but bound to globex's row.
        jdbi.useHandle(h -> h.execute("UPDATE whatsapp_accounts SET access_token = (SELECT a.access_token FROM"
                + " whatsapp_accounts a JOIN tenant_configs c ON c.id = a.config_id WHERE c.tenant_id = 'globex')"
                + " WHERE config_id = (SELECT id FROM tenant_configs WHERE tenant_id = 'acme')"));
        String rotated = Keysets.rotate(keyset);
        SecretReencryption reencryption = new SecretReencryption(jdbi, new TinkSecretCipher(rotated));
        List<Long> progress = new ArrayList<>();

        Map<String, Object> before = rawRow("initech");
        EncryptedSecrets.Report verified = reencryption.verify(2, progress::add);
        assertThat(rawRow("initech")).as("verify only reads").isEqualTo(before);
        EncryptedSecrets.Report report = reencryption.reencrypt(2, rows -> {});

        EncryptedSecrets.Unreadable copied =
                new EncryptedSecrets.Unreadable("whatsapp_accounts", accountIdOf("acme"), "acme", "access_token");
        assertThat(verified.unreadable()).containsExactly(copied);
        assertThat(verified.reencrypted())
                .as("what a run would re-encrypt")
                .isEqualTo(3 * (SECRET_COLUMNS.size() + 1) - 1);
        assertThat(progress)
                .as("rows read after each batch of 2: configurations, accounts, numbers")
                .containsExactly(2L, 3L, 5L, 6L, 8L, 9L);
        assertThat(report.unreadable()).containsExactly(copied);
        assertThat(report.reencrypted()).isEqualTo(3 * (SECRET_COLUMNS.size() + 1) - 1);
        assertThat(store(Keysets.prune(rotated))
                        .load(TenantId.of("initech"))
                        .orElseThrow()
                        .token()
                        .accessToken()
                        .reveal())
                .isEqualTo("EAAG-access-token-of-initech");
        assertThat(reencryption.rowsToRead()).isEqualTo(9);
    }

    private long accountIdOf(String tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id FROM whatsapp_accounts a JOIN tenant_configs c"
                        + " ON c.id = a.config_id WHERE c.tenant_id = :t")
                .bind("t", tenant)
                .mapTo(Long.class)
                .one());
    }

    private long idOf(String tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM tenant_configs WHERE tenant_id = :t")
                .bind("t", tenant)
                .mapTo(Long.class)
                .one());
    }

    @Test
    void values_stored_in_clear_by_the_earlier_version_are_read_and_then_encrypted() {
        jdbi.useHandle(h -> h.execute(
                "INSERT INTO tenant_configs (tenant_id, fb_app_secret) VALUES ('legacy', 'legacy-app-secret')"));
        jdbi.useHandle(h -> h.execute("INSERT INTO whatsapp_accounts (config_id, waba_id, access_token)"
                + " SELECT id, '1', 'EAAG-legacy-plain-token' FROM tenant_configs WHERE tenant_id = 'legacy'"));
        assertThat(store(keyset)
                        .load(TenantId.of("legacy"))
                        .orElseThrow()
                        .token()
                        .accessToken()
                        .reveal())
                .isEqualTo("EAAG-legacy-plain-token");

        EncryptedSecrets.Report report =
                new SecretReencryption(jdbi, new TinkSecretCipher(keyset)).reencrypt(10, rows -> {});

        assertThat(report.reencrypted()).isEqualTo(2);
        assertThat(rawRow("legacy").toString())
                .doesNotContain("EAAG-legacy-plain-token")
                .doesNotContain("legacy-app-secret");
        assertThat(store(keyset)
                        .load(TenantId.of("legacy"))
                        .orElseThrow()
                        .app()
                        .appSecret()
                        .reveal())
                .isEqualTo("legacy-app-secret");
    }

    @Test
    void a_configuration_whose_secret_no_longer_decrypts_can_still_be_deleted() {
        insert(TestConfigs.aConfig("acme").build());
        jdbi.useHandle(h -> h.execute("UPDATE tenant_configs c SET fb_app_secret = " + ACCESS_TOKEN_OF_C));

        assertThatThrownBy(() -> store(keyset).inTransaction(tx -> tx.lock(TenantId.of("acme"))))
                .isInstanceOf(SecretUnreadableException.class);

        Optional<TenantConfig> deleted = store(keyset).inTransaction(tx -> {
            Optional<TenantConfig> locked = tx.lockForDeletion(TenantId.of("acme"));
            locked.ifPresent(tx::delete);
            return locked;
        });

        assertThat(deleted).hasValueSatisfying(config -> {
            assertThat(config.app().appSecret())
                    .as("the secret that does not decrypt is left out")
                    .isNull();
            assertThat(config.token().accessToken()).as("the others are read").isNotNull();
        });
        assertThat(store(keyset).load(TenantId.of("acme"))).isEmpty();
    }
}
