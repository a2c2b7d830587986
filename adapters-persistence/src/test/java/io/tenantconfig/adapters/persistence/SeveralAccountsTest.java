package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.ConfigFilter;
import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.AlreadyOwnedException;
import io.tenantconfig.application.port.out.ConfigBackup;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.Accounts;
import io.tenantconfig.domain.DisplayPhoneNumber;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NumberLabel;
import io.tenantconfig.domain.NumberVerification;
import io.tenantconfig.domain.Onboarding;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.TokenGrant;
import io.tenantconfig.domain.UserId;
import io.tenantconfig.domain.VerifiedName;
import io.tenantconfig.domain.WhatsAppAccount;
import io.tenantconfig.testing.SecretValues;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant with several WhatsApp Business Accounts: stored, found by any of them, exported and restored. */
class SeveralAccountsTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant AT = Instant.parse("2026-03-01T08:30:00Z");
    private static final MetaId FIRST = MetaId.parse("5001");
    private static final MetaId SECOND = MetaId.parse("5002");
    private static final MetaId THIRD = MetaId.parse("5003");

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private final SecretCipher cipher = TestKeys.cipher();
    private final JdbiConfigStore store = new JdbiConfigStore(jdbi, cipher);

    @BeforeEach
    void empty() {
        jdbi.useHandle(h -> h.execute(
                "TRUNCATE tenant_configs, whatsapp_accounts, message_templates, template_syncs, tenant_phone_numbers, app_data_syncs, business_profiles,"
                        + " tenant_health, tenant_config_audit, webhook_changes, events RESTART IDENTITY"));
    }

    private static Secret secret(String value) {
        return Secret.of(SecretValues.secret(value));
    }

    private static Account account(MetaId wabaId, String business, String tokenType, AccountStanding standing) {
        return account(wabaId, business, tokenType, Set.of(), standing);
    }

    private static Account account(
            MetaId wabaId, String business, String tokenType, Set<String> scopes, AccountStanding standing) {
        return new Account(
                new WhatsAppAccount(wabaId, MetaId.parse(business)),
                new TokenGrant(
                        secret("access-" + wabaId),
                        secret("refresh-" + wabaId),
                        AT.plusSeconds(86_400 * 60),
                        AT.minusSeconds(wabaId.hashCode() % 1000)),
                tokenType,
                scopes,
                standing,
                // Subscribed at distinct times, but for the second account, which never was.
                wabaId.equals(SECOND) ? null : AT.plusSeconds(Long.parseLong(wabaId.value())));
    }

    private static PhoneNumber number(String id, MetaId wabaId, boolean active) {
        return new PhoneNumber(
                MetaId.parse(id),
                wabaId,
                DisplayPhoneNumber.parse("+49 30 " + id),
                VerifiedName.parse("Acme " + id),
                NumberLabel.parse("Label " + id),
                active,
                AT.plusSeconds(Long.parseLong(id)),
                secret("pin-" + id),
                false,
                NumberVerification.VERIFIED);
    }

    /** Three accounts, each its own values, the second disabled by Meta; the default number in the first. */
    static TenantConfig threeAccounts(String tenant) {
        TenantConfig base = TestConfigs.aConfig(tenant).build();
        Accounts accounts = new Accounts(List.of(
                account(
                        FIRST,
                        "7001",
                        "SYSTEM_USER",
                        Set.of("whatsapp_business_messaging", "whatsapp_business_management"),
                        AccountStanding.GOOD),
                account(
                        SECOND,
                        "7002",
                        "USER",
                        Set.of("whatsapp_business_management"),
                        new AccountStanding(
                                AccountStanding.Status.DISABLED, "DISABLED_UPDATE", "policy violation", AT)),
                account(THIRD, "7003", null, AccountStanding.GOOD)));
        PhoneNumbers numbers = new PhoneNumbers(
                List.of(
                        number("6001", FIRST, true),
                        number("6002", SECOND, true),
                        number("6003", THIRD, false),
                        number("6004", THIRD, true)),
                MetaId.parse("6001"));
        return new TenantConfig(
                0,
                TenantId.of(tenant),
                accounts,
                numbers,
                base.app(),
                base.callbacks(),
                new Onboarding.NotStarted(UserId.of("user-of-" + tenant), FIRST, MetaId.parse("6001"), null),
                true,
                base.createdAt(),
                base.updatedAt(),
                0);
    }

    private long scalar(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private TenantConfig insert(TenantConfig config) {
        return store.inTransaction(tx -> tx.insertIfAbsent(config)).orElseThrow();
    }

    /** The configuration as stored, without what the store sets (its id and version). */
    private static TenantConfig sameButStored(TenantConfig config, TenantConfig stored) {
        return new TenantConfig(
                stored.id(),
                config.tenantId(),
                config.accounts(),
                config.phoneNumbers(),
                config.app(),
                config.callbacks(),
                config.onboarding(),
                config.active(),
                config.createdAt(),
                config.updatedAt(),
                stored.version());
    }

    @Test
    void a_tenant_with_three_accounts_loads_back_with_every_field_and_each_number_in_its_account() {
        TenantConfig config = threeAccounts("acme");
        TenantConfig inserted = insert(config);

        TenantConfig loaded = store.load(ACME).orElseThrow();

        assertThat(loaded).isEqualTo(inserted).isEqualTo(sameButStored(config, loaded));
        assertThat(loaded.accounts().all()).extracting(Account::wabaId).containsExactly(FIRST, SECOND, THIRD);
        assertThat(loaded.accountOf(MetaId.parse("6004")).map(Account::wabaId)).contains(THIRD);
        assertThat(loaded.primaryAccount().wabaId()).isEqualTo(FIRST);
        assertThat(scalar("SELECT count(*) FROM whatsapp_accounts a JOIN"
                        + " tenant_phone_numbers n ON n.account_id = a.id AND n.config_id = a.config_id"
                        + " WHERE a.waba_id = '5003'"))
                .as("each number's row points at its account's")
                .isEqualTo(2);
        Map<String, Object> row = jdbi.withHandle(
                h -> h.createQuery("SELECT access_token, refresh_token FROM whatsapp_accounts WHERE waba_id = '5002'")
                        .mapToMap()
                        .one());
        assertThat(row.get("access_token").toString()).startsWith("tink1:");
        assertThat(row.get("refresh_token").toString()).startsWith("tink1:");
        assertThat(cipher.decrypt(row.get("access_token").toString(), "tenant_configs.access_token/acme"))
                .as("every account's token is bound where a tenant's token always was")
                .isEqualTo(SecretValues.secret("access-5002"));
        assertThat(loaded.accounts().all())
                .as("each account's subscription, the second never subscribed")
                .extracting(Account::subscribedAt)
                .containsExactly(AT.plusSeconds(5001), null, AT.plusSeconds(5003));
        assertThat(loaded.accounts().all())
                .extracting(Account::scopes)
                .containsExactly(
                        Set.of("whatsapp_business_management", "whatsapp_business_messaging"),
                        Set.of("whatsapp_business_management"),
                        Set.of());
        List<String> scopeColumns = jdbi.withHandle(
                h -> h.createQuery("SELECT coalesce(token_scopes, 'NULL') FROM whatsapp_accounts ORDER BY id")
                        .mapTo(String.class)
                        .list());
        assertThat(scopeColumns)
                .as("comma-separated, NULL when none are known")
                .containsExactly(
                        "whatsapp_business_management,whatsapp_business_messaging",
                        "whatsapp_business_management",
                        "NULL");
    }

    @Test
    void a_change_to_one_account_a_removed_account_and_a_moved_number_are_saved_in_the_configurations_write() {
        TenantConfig inserted = insert(threeAccounts("acme"));
        Account first = inserted.accounts().all().get(0);
        Account resubscribed = new Account(
                first.ids(), first.token(), first.tokenType(), first.scopes(), first.standing(), AT.plusSeconds(9_000));
        TenantConfig changed = new TenantConfig(
                inserted.id(),
                ACME,
                new Accounts(List.of(
                        resubscribed,
                        account(
                                SECOND,
                                "7012",
                                "SYSTEM_USER",
                                Set.of("business_management", "whatsapp_business_messaging"),
                                new AccountStanding(AccountStanding.Status.GOOD, null, null, null)))),
                new PhoneNumbers(
                        List.of(number("6001", FIRST, true), number("6002", SECOND, true), number("6004", FIRST, true)),
                        MetaId.parse("6002")),
                inserted.app(),
                inserted.callbacks(),
                inserted.onboarding(),
                true,
                inserted.createdAt(),
                AT,
                inserted.version());

        TenantConfig saved = store.inTransaction(tx -> {
            tx.lock(ACME).orElseThrow();
            return tx.save(changed);
        });

        assertThat(saved.version()).isEqualTo(inserted.version() + 1);
        assertThat(store.load(ACME)).contains(saved);
        assertThat(saved.accounts()).isEqualTo(changed.accounts());
        assertThat(store.load(ACME)
                        .orElseThrow()
                        .accounts()
                        .find(SECOND)
                        .orElseThrow()
                        .scopes())
                .containsExactly("business_management", "whatsapp_business_messaging");
        assertThat(store.load(ACME)
                        .orElseThrow()
                        .accounts()
                        .find(FIRST)
                        .orElseThrow()
                        .subscribedAt())
                .as("the first account's row rewritten with its new subscription")
                .isEqualTo(AT.plusSeconds(9_000));
        assertThat(saved.phoneNumbers()).isEqualTo(changed.phoneNumbers());
        assertThat(scalar("SELECT count(*) FROM whatsapp_accounts")).isEqualTo(2);
    }

    @Test
    void an_unnamed_account_that_learns_its_id_keeps_its_row_and_its_numbers() {
        TenantConfig base = TestConfigs.aConfig("acme").build();
        Account unnamed = new Account(WhatsAppAccount.NONE, base.token(), null, Set.of(), AccountStanding.GOOD, null);
        TenantConfig config = new TenantConfig(
                0,
                ACME,
                new Accounts(List.of(unnamed)),
                PhoneNumbers.only(number("6001", null, true)),
                base.app(),
                base.callbacks(),
                new Onboarding.NotStarted(null),
                true,
                base.createdAt(),
                base.updatedAt(),
                0);
        TenantConfig inserted = insert(config);
        long row = jdbi.withHandle(h -> h.createQuery("SELECT id FROM whatsapp_accounts")
                .mapTo(Long.class)
                .one());
        TenantConfig named = new TenantConfig(
                inserted.id(),
                ACME,
                new Accounts(List.of(new Account(
                        new WhatsAppAccount(FIRST, null), base.token(), null, Set.of(), AccountStanding.GOOD, null))),
                PhoneNumbers.only(number("6001", FIRST, true)),
                base.app(),
                base.callbacks(),
                new Onboarding.NotStarted(null),
                true,
                base.createdAt(),
                AT,
                inserted.version());

        TenantConfig saved = store.inTransaction(tx -> {
            tx.lock(ACME).orElseThrow();
            return tx.save(named);
        });

        assertThat(store.load(ACME)).contains(saved);
        assertThat(saved.accounts()).isEqualTo(named.accounts());
        assertThat(scalar("SELECT id FROM whatsapp_accounts WHERE waba_id = '5001'"))
                .isEqualTo(row);
    }

    @Test
    void a_second_tenant_claiming_any_of_the_accounts_is_refused_as_taken() {
        insert(threeAccounts("acme"));
        TenantConfig globex = TestConfigs.aConfig("globex").build();
        TenantConfig claiming = TestConfigs.from(globex)
                .accounts(new Accounts(
                        List.of(globex.primaryAccount(), account(THIRD, "7999", null, AccountStanding.GOOD))))
                .build();

        assertThatThrownBy(() -> insert(claiming))
                .isInstanceOf(AlreadyOwnedException.class)
                .hasMessageContaining("5003")
                .hasMessageContaining("another tenant");
        assertThat(store.load(TenantId.of("globex"))).as("rolled back whole").isEmpty();

        insert(globex);
        assertThatThrownBy(() -> store.inTransaction(tx -> {
                    TenantConfig locked = tx.lock(TenantId.of("globex")).orElseThrow();
                    return tx.save(TestConfigs.from(locked)
                            .accounts(new Accounts(List.of(
                                    locked.primaryAccount(), account(SECOND, "7999", null, AccountStanding.GOOD))))
                            .build());
                }))
                .isInstanceOf(AlreadyOwnedException.class)
                .hasMessageContaining("5002");
        assertThat(store.load(TenantId.of("globex")).orElseThrow().accounts().size())
                .isEqualTo(1);
    }

    @Test
    void the_owner_of_the_third_account_is_found_in_memory_and_in_the_database() {
        insert(threeAccounts("acme"));
        insert(TestConfigs.aConfig("globex").build());
        JdbiNumberDirectory database = new JdbiNumberDirectory(jdbi);
        NumberIndex memory = new NumberIndex(database);
        memory.announcementsRestored();
        assertThat(memory.isServingFromMemory()).isTrue();

        for (var directory : List.of(database, memory)) {
            assertThat(directory.ownerOfAccount(THIRD))
                    .as("the account's own number: the default is another account's")
                    .contains(new NumberOwner(ACME, true, THIRD, MetaId.parse("6003"), false));
            assertThat(directory.ownerOfAccount(FIRST))
                    .contains(new NumberOwner(ACME, true, FIRST, MetaId.parse("6001"), false));
            assertThat(directory.ownerOfAccount(SECOND))
                    .as("Meta disabled this account, not the others")
                    .contains(new NumberOwner(ACME, false, SECOND, MetaId.parse("6002"), false));
            assertThat(directory.ownerOfNumber(MetaId.parse("6004")))
                    .contains(new NumberOwner(ACME, true, THIRD, MetaId.parse("6004"), false));
            assertThat(directory.ownerOfNumber(MetaId.parse("6002")))
                    .contains(new NumberOwner(ACME, false, SECOND, MetaId.parse("6002"), false));
            assertThat(directory.ownerOfAccount(MetaId.parse("5999"))).isEmpty();
        }

        store.inTransaction(tx -> {
            TenantConfig locked = tx.lock(ACME).orElseThrow();
            return tx.save(new TenantConfig(
                    locked.id(),
                    ACME,
                    new Accounts(locked.accounts().all().subList(0, 2)),
                    new PhoneNumbers(locked.phoneNumbers().all().subList(0, 2), MetaId.parse("6001")),
                    locked.app(),
                    locked.callbacks(),
                    locked.onboarding(),
                    true,
                    locked.createdAt(),
                    AT,
                    locked.version()));
        });
        memory.changed(ACME);
        assertThat(memory.ownerOfAccount(THIRD))
                .as("a removed account is forgotten")
                .isEmpty();
        assertThat(memory.ownerOfNumber(MetaId.parse("6004"))).isEmpty();
        assertThat(memory.ownerOfAccount(SECOND)).map(NumberOwner::tenantId).contains(ACME);
    }

    @Test
    void the_admin_list_finds_a_tenant_by_any_of_its_accounts() {
        insert(threeAccounts("acme"));
        insert(TestConfigs.aConfig("globex").build());

        for (MetaId waba : List.of(FIRST, SECOND, THIRD)) {
            ConfigFilter filter = new ConfigFilter(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(waba),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
            assertThat(store.page(filter, Optional.empty(), 0, 10).configs())
                    .extracting(TenantConfig::tenantId)
                    .as("by %s", waba)
                    .containsExactly(ACME);
            assertThat(store.page(filter, Optional.empty(), 0, 10).total()).isEqualTo(1);
        }
    }

    private String export() {
        StringWriter out = new StringWriter();
        new Backup(jdbi, cipher, Clock.fixed(AT, ZoneOffset.UTC)).export(out, false, done -> {});
        return out.toString();
    }

    private ConfigBackup.Restored restore(String file) throws Exception {
        return new Backup(jdbi, cipher, Clock.fixed(AT, ZoneOffset.UTC))
                .restore(new BufferedReader(new StringReader(file)), done -> {});
    }

    @Test
    void an_export_of_a_tenant_with_three_accounts_restores_every_account_with_its_numbers() throws Exception {
        TenantConfig inserted = insert(threeAccounts("acme"));
        insert(TestConfigs.aConfig("globex").build());
        TenantConfig globex = store.load(TenantId.of("globex")).orElseThrow();
        String file = export();
        assertThat(file).contains("\"accounts\":4").contains("\"version\" : 2");
        empty();
        jdbi.useHandle(h -> h.execute("SELECT setval('whatsapp_accounts_id_seq', 100)"));

        ConfigBackup.Restored restored = restore(file);

        assertThat(restored.created()).isEqualTo(2);
        assertThat(restored.conflicts()).isEmpty();
        TenantConfig back = store.load(ACME).orElseThrow();
        assertThat(back).isEqualTo(sameButStored(inserted, back));
        assertThat(back.accounts().all())
                .as("each account's subscription travels with it")
                .extracting(Account::subscribedAt)
                .containsExactly(AT.plusSeconds(5001), null, AT.plusSeconds(5003));
        assertThat(back.accounts().all())
                .as("each account's scopes travel with it")
                .extracting(Account::scopes)
                .containsExactly(
                        Set.of("whatsapp_business_management", "whatsapp_business_messaging"),
                        Set.of("whatsapp_business_management"),
                        Set.of());
        assertThat(store.load(TenantId.of("globex")).orElseThrow().accounts()).isEqualTo(globex.accounts());
        assertThat(restore(file).unchanged())
                .as("a second restore changes nothing")
                .isEqualTo(2);
    }

    @Test
    void an_export_of_the_previous_version_restores_as_one_account_holding_every_number() throws Exception {
        String tenant = "acme";
        String access = cipher.encrypt(SecretValues.secret("old-access"), "tenant_configs.access_token/acme");
        String refresh = cipher.encrypt(SecretValues.secret("old-refresh"), "tenant_configs.refresh_token/acme");
        String pin = cipher.encrypt(SecretValues.secret("old-pin"), "tenant_configs.registration_pin/acme");
        String file = String.join(
                "\n",
                "{\"format\":\"tenant-config-export\",\"version\":1,\"exported_at\":\"2026-02-01T00:00:00Z\","
                        + "\"keyset_primary_key_id\":1}",
                "{\"type\":\"config\",\"row\":{\"id\":7,\"tenant_id\":\"" + tenant + "\",\"user_id\":\"u1\","
                        + "\"waba_id\":\"5001\",\"business_id\":\"7001\",\"fb_app_id\":\"1234567890\","
                        + "\"fb_app_secret\":null,\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh
                        + "\",\"token_expires_at\":\"2026-05-01T00:00:00+00:00\","
                        + "\"last_verified_at\":\"2026-02-01T00:00:00+00:00\",\"callback_url\":null,"
                        + "\"verify_token\":null,\"redirect_url\":null,\"onboarding_status\":\"NOT_STARTED\","
                        + "\"onboarded_at\":null,\"onboarding_phone_number_id\":null,\"onboarding_completed\":false,"
                        + "\"is_active\":true,\"standing_status\":\"RESTRICTED\",\"standing_event\":\"ACCOUNT_RESTRICTION\","
                        + "\"standing_detail\":\"reports\",\"standing_since\":\"2026-01-20T00:00:00+00:00\","
                        + "\"webhook_key\":\"k-acme-old\",\"created_at\":\"2026-01-10T09:00:00+00:00\","
                        + "\"updated_at\":\"2026-02-01T00:00:00+00:00\",\"version\":4},"
                        + "\"numbers\":[{\"id\":11,\"config_id\":7,\"phone_number_id\":\"6001\","
                        + "\"display_phone_number\":null,\"verified_name\":null,\"label\":null,\"is_default\":true,"
                        + "\"is_active\":true,\"registered_at\":null,\"registration_pin\":\"" + pin + "\"},"
                        + "{\"id\":12,\"config_id\":7,\"phone_number_id\":\"6002\",\"display_phone_number\":null,"
                        + "\"verified_name\":null,\"label\":null,\"is_default\":false,\"is_active\":false,"
                        + "\"registered_at\":null,\"registration_pin\":null}]}",
                "{\"type\":\"config\",\"row\":{\"id\":8,\"tenant_id\":\"empty\",\"waba_id\":null,"
                        + "\"standing_status\":\"GOOD\",\"onboarding_status\":\"NOT_STARTED\","
                        + "\"onboarding_completed\":false,\"is_active\":true,\"webhook_key\":\"k-empty-old\","
                        + "\"created_at\":\"2026-01-10T09:00:00+00:00\",\"updated_at\":\"2026-01-10T09:00:00+00:00\","
                        + "\"version\":1},\"numbers\":[]}",
                "{\"type\":\"end\",\"configs\":2,\"numbers\":2,\"audit\":0}");

        ConfigBackup.Restored restored = restore(file);

        assertThat(restored.created()).isEqualTo(2);
        assertThat(restored.conflicts()).isEmpty();
        TenantConfig acme = store.load(ACME).orElseThrow();
        assertThat(acme.version()).isEqualTo(4);
        assertThat(acme.accounts().all())
                .containsExactly(new Account(
                        new WhatsAppAccount(FIRST, MetaId.parse("7001")),
                        new TokenGrant(
                                secret("old-access"),
                                secret("old-refresh"),
                                Instant.parse("2026-05-01T00:00:00Z"),
                                Instant.parse("2026-02-01T00:00:00Z")),
                        null,
                        Set.of(),
                        new AccountStanding(
                                AccountStanding.Status.RESTRICTED,
                                "ACCOUNT_RESTRICTION",
                                "reports",
                                Instant.parse("2026-01-20T00:00:00Z")),
                        null));
        assertThat(acme.phoneNumbers().all()).extracting(PhoneNumber::wabaId).containsExactly(FIRST, FIRST);
        assertThat(acme.phoneNumbers().defaultId()).isEqualTo(MetaId.parse("6001"));
        assertThat(acme.phoneNumbers().all().get(0).registrationPin()).isEqualTo(secret("old-pin"));
        assertThat(store.load(TenantId.of("empty")).orElseThrow().accounts())
                .as("a configuration holding nothing of an account gets none, as changeSet 22 does")
                .isEqualTo(Accounts.NONE);
        assertThat(new NumberIndex(new JdbiNumberDirectory(jdbi)).ownerOfAccount(FIRST))
                .map(NumberOwner::tenantId)
                .contains(ACME);
    }
}
