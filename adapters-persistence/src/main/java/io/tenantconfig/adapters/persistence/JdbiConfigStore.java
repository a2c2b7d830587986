package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.ConfigFilter;
import io.tenantconfig.application.port.out.AlreadyOwnedException;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.ConfigCatalog;
import io.tenantconfig.application.port.out.ConfigPage;
import io.tenantconfig.application.port.out.ConfigStatistics;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.MetaInstall;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.application.port.out.StoredWebhookChange;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.Accounts;
import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.Template;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.postgresql.util.PSQLException;

/**
 * Tenant configurations in PostgreSQL (see migrations.xml): one row each in {@code tenant_configs},
 * mapped by {@link TenantConfigRow}, its WhatsApp Business Accounts in {@code whatsapp_accounts}
 * ({@link AccountRow}) and its phone numbers in {@code tenant_phone_numbers} ({@link PhoneNumberRow}),
 * each number naming its account's row; all three written in the configuration's transaction, the
 * configuration's row (and so its version) on every write. Every write also announces its tenant on {@link ConfigNotifications#CHANNEL},
 * inside its transaction, so other instances hear of it only once it has committed. That a number
 * or account belongs to one tenant is the unique indexes' to enforce: a write that finds one
 * taken, even by a transaction committing at the same moment, throws {@link AlreadyOwnedException}
 * and is rolled back.
 */
final class JdbiConfigStore implements ConfigStore, ConfigCatalog {

    private static final String BY_TENANT = TenantConfigRow.SELECT + " WHERE tenant_id = :tenantId";

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String WABA_INDEX = AccountRow.WABA_CONSTRAINT;

    private static final String LATE_OWNERS = "late_owners";

    /** Changes nobody owned that are the tenant's now; see {@link JdbiTransaction#routeLateChanges}. */
    private static final String ROUTE_LATE_CHANGES = """
        UPDATE webhook_changes w SET tenant_id = :tenant, dedupe_scope = :tenant, unroutable_reason = NULL
        WHERE w.tenant_id IS NULL AND w.dedupe_scope = '' AND w.unroutable_reason NOT LIKE 'rejected:%'
          AND (w.phone_number_id = ANY(:numbers)
               OR (w.waba_id = ANY(:wabas) AND (w.phone_number_id IS NULL OR NOT EXISTS (
                     SELECT 1 FROM tenant_phone_numbers n WHERE n.phone_number_id = w.phone_number_id))))
          AND NOT EXISTS (SELECT 1 FROM webhook_changes d
                          WHERE d.dedupe_scope = :tenant AND d.dedupe_key = w.dedupe_key)
        RETURNING w.id, w.dedupe_key, w.received_at, w.waba_id, w.phone_number_id, w.field, w.value
        """;

    private final Jdbi jdbi;
    private final SecretCipher cipher;

    /** @param cipher encrypts every secret column before it reaches the database */
    JdbiConfigStore(Jdbi jdbi, SecretCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        jdbi.registerRowMapper(TenantConfigRow.class, TenantConfigRow::map);
        // Statement exceptions would otherwise quote the bound arguments, ciphertexts included,
        // into every log line that prints them.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    @Override
    public Optional<TenantConfig> load(TenantId tenantId) {
        return Availability.available(() -> jdbi.withHandle(handle -> select(handle, BY_TENANT, tenantId, false)));
    }

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        return Availability.available(() -> jdbi.inTransaction(handle -> work.apply(new JdbiTransaction(handle))));
    }

    @Override
    public ConfigPage page(ConfigFilter filter, Optional<Long> after, long skip, int limit) {
        ConfigListQuery query = ConfigListQuery.of(filter);
        // One snapshot for both statements, so the total matches the page.
        return Availability.available(() -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            long total = query.bind(handle.createQuery(query.count()))
                    .mapTo(Long.class)
                    .one();
            Query page = query.bind(handle.createQuery(query.page(after, skip)))
                    .bind("limit", limit + 1)
                    .bind("skip", skip);
            after.ifPresent(id -> page.bind("after", id));
            List<TenantConfigRow> rows = page.mapTo(TenantConfigRow.class).list();
            boolean more = rows.size() > limit;
            List<TenantConfigRow> shown = more ? rows.subList(0, limit) : rows;
            List<TenantConfig> configs = configsOf(handle, shown, false);
            return new ConfigPage(
                    total,
                    configs,
                    more ? Optional.of(shown.get(shown.size() - 1).id()) : Optional.empty());
        }));
    }

    @Override
    public ConfigStatistics statistics() {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery(ConfigCounts.STATISTICS)
                .map((rs, ctx) -> new ConfigStatistics(
                        rs.getLong("total"),
                        rs.getLong("active"),
                        rs.getLong("inactive"),
                        rs.getLong("onboarded"),
                        rs.getLong("pending_onboarding"),
                        rs.getLong("accounts")))
                .one()));
    }

    /** The tenant's configuration with its accounts and numbers. */
    private Optional<TenantConfig> select(Handle handle, String sql, TenantId tenantId, boolean skipUnreadable) {
        return handle.createQuery(sql)
                .bind("tenantId", tenantId.value())
                .mapTo(TenantConfigRow.class)
                .findOne()
                .map(row -> configsOf(handle, List.of(row), skipUnreadable).get(0));
    }

    /** The configurations of these rows, in their order, each with its accounts and numbers. */
    private List<TenantConfig> configsOf(Handle handle, List<TenantConfigRow> rows, boolean skipUnreadable) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(TenantConfigRow::id).toList();
        Map<Long, List<AccountRow>> accounts = ofConfigs(handle, AccountRow.OF_CONFIGS, ids, AccountRow::map)
                .collect(Collectors.groupingBy(AccountRow::configId, Collectors.toList()));
        Map<Long, List<PhoneNumberRow>> numbers = ofConfigs(handle, PhoneNumberRow.OF_CONFIGS, ids, PhoneNumberRow::map)
                .collect(Collectors.groupingBy(PhoneNumberRow::configId, Collectors.toList()));
        return rows.stream()
                .map(row -> toConfig(
                        row,
                        accounts.getOrDefault(row.id(), List.of()),
                        numbers.getOrDefault(row.id(), List.of()),
                        skipUnreadable))
                .toList();
    }

    private TenantConfig toConfig(
            TenantConfigRow row,
            List<AccountRow> accountRows,
            List<PhoneNumberRow> numberRows,
            boolean skipUnreadable) {
        TenantConfigRow.Decryption secrets = row.decryption(cipher, skipUnreadable);
        Map<Long, MetaId> wabaIds = new HashMap<>();
        accountRows.forEach(account -> wabaIds.put(account.id(), account.waba()));
        Accounts accounts = new Accounts(
                accountRows.stream().map(account -> account.toAccount(secrets)).toList());
        return row.toConfig(accounts, PhoneNumberRow.toNumbers(numberRows, wabaIds, secrets), secrets);
    }

    /** The rows of these configurations a statement selects, in its order. */
    private static <R> Stream<R> ofConfigs(Handle handle, String sql, List<Long> configIds, RowMapper<R> mapper) {
        return handle.createQuery(sql).bindArray("configIds", Long.class, configIds).map(mapper).list().stream();
    }

    /**
     * The unique index a statement broke, when it broke one: {@code uq_whatsapp_accounts_waba_id}
     * means the account is another tenant's.
     */
    private static boolean violates(JdbiException e, String index) {
        return e.getCause() instanceof PSQLException failure
                && UNIQUE_VIOLATION.equals(failure.getSQLState())
                && failure.getServerErrorMessage() != null
                && index.equals(failure.getServerErrorMessage().getConstraint());
    }

    private final class JdbiTransaction implements Transaction {

        private final Handle handle;
        /** The accounts and numbers of each configuration this transaction locked, as stored: unchanged ones are not rewritten. */
        private final Map<Long, TenantConfig> locked = new HashMap<>();

        JdbiTransaction(Handle handle) {
            this.handle = handle;
        }

        @Override
        public Optional<TenantConfig> lock(TenantId tenantId) {
            return remembered(select(handle, BY_TENANT + " FOR UPDATE", tenantId, false));
        }

        @Override
        public Optional<TenantConfig> lockForDeletion(TenantId tenantId) {
            return remembered(select(handle, BY_TENANT + " FOR UPDATE", tenantId, true));
        }

        private Optional<TenantConfig> remembered(Optional<TenantConfig> locked) {
            locked.ifPresent(config -> this.locked.put(config.id(), config));
            return locked;
        }

        @Override
        public Optional<TenantConfig> insertIfAbsent(TenantConfig config) {
            TenantConfigRow.Encryption secrets = encryption(config);
            Optional<TenantConfigRow> inserted = TenantConfigRow.of(config, secrets)
                    .bindTo(handle.createQuery(TenantConfigRow.INSERT))
                    .mapTo(TenantConfigRow.class)
                    .findOne();
            if (inserted.isEmpty()) {
                return Optional.empty();
            }
            TenantConfigRow row = inserted.get();
            writeAccountsAndNumbers(config, row.id(), null, secrets);
            routeLateChanges(config);
            announce(row.tenantId());
            return Optional.of(row.toConfig(config.accounts(), config.phoneNumbers(), row.decryption(cipher, false)));
        }

        @Override
        public TenantConfig save(TenantConfig changed) {
            TenantConfigRow.Encryption secrets = encryption(changed);
            TenantConfigRow saved = TenantConfigRow.of(changed, secrets)
                    .bindTo(handle.createQuery(TenantConfigRow.UPDATE))
                    .mapTo(TenantConfigRow.class)
                    .findOne()
                    .orElseThrow(() -> new IllegalStateException("the configuration of " + changed.tenantId()
                            + " was saved without being locked at version " + changed.version()));
            writeAccountsAndNumbers(changed, saved.id(), locked.get(saved.id()), secrets);
            TenantConfig stored =
                    saved.toConfig(changed.accounts(), changed.phoneNumbers(), saved.decryption(cipher, false));
            locked.put(saved.id(), stored);
            routeLateChanges(changed);
            announce(saved.tenantId());
            return stored;
        }

        /**
         * Makes the stored accounts and numbers of a configuration {@code config}'s. Accounts are
         * matched to their rows by waba_id: a new one is inserted, a changed one updated in place,
         * and those it no longer has deleted last, once no number points at them. The unnamed
         * account that has become named keeps its row (it is the same account, its id learnt at
         * signup), so the rows stay in the order the accounts were added.
         *
         * @param before the configuration as locked ({@code null}: nothing stored yet): what equals it is left alone
         */
        private void writeAccountsAndNumbers(
                TenantConfig config, long configId, TenantConfig before, TenantConfigRow.Encryption secrets) {
            if (before != null
                    && before.accounts().equals(config.accounts())
                    && before.phoneNumbers().equals(config.phoneNumbers())) {
                return;
            }
            Map<MetaId, Long> stored = before == null ? new HashMap<>() : storedAccounts(configId);
            Long unnamed = config.accounts().contains(null) ? null : stored.remove(null);
            Map<MetaId, Long> ids = new HashMap<>();
            boolean moved = false;
            for (Account account : config.accounts().all()) {
                Long id = stored.remove(account.wabaId());
                if (id == null && unnamed != null) {
                    id = unnamed;
                    unnamed = null;
                    moved = true;
                }
                if (id == null) {
                    ids.put(account.wabaId(), insertAccount(account, configId, secrets));
                    moved = true;
                    continue;
                }
                if (before == null || !before.accounts().find(account.wabaId()).equals(Optional.of(account))) {
                    long rowId = id;
                    accountChecked(
                            account.wabaId(),
                            () -> AccountRow.of(account, rowId, configId, secrets)
                                    .bindTo(handle.createUpdate(AccountRow.UPDATE))
                                    .execute());
                }
                ids.put(account.wabaId(), id);
            }
            if (moved || before == null || !config.phoneNumbers().equals(before.phoneNumbers())) {
                writeNumbers(config, configId, ids, secrets);
            }
            List<Long> gone = new ArrayList<>(stored.values());
            if (unnamed != null) {
                gone.add(unnamed);
            }
            if (!gone.isEmpty()) {
                handle.createUpdate(AccountRow.DELETE)
                        .bindArray("ids", Long.class, gone)
                        .bind("configId", configId)
                        .execute();
            }
        }

        private long insertAccount(Account account, long configId, TenantConfigRow.Encryption secrets) {
            return accountChecked(
                    account.wabaId(),
                    () -> AccountRow.of(account, 0, configId, secrets)
                            .bindTo(handle.createQuery(AccountRow.INSERT))
                            .mapTo(Long.class)
                            .one());
        }

        /** The row id of each account the configuration has stored, by its waba_id ({@code null}: the unnamed one). */
        private Map<MetaId, Long> storedAccounts(long configId) {
            Map<MetaId, Long> ids = new HashMap<>();
            handle.createQuery("SELECT id, waba_id FROM " + AccountRow.TABLE + " WHERE config_id = :configId")
                    .bind("configId", configId)
                    .map((rs, ctx) -> ids.put(metaId(rs.getString("waba_id")), rs.getLong("id")))
                    .list();
            return ids;
        }

        /**
         * Makes the stored numbers of a configuration {@code config}'s: those it no longer has
         * go, at most one default at any moment, the others inserted or updated in place, each
         * pointing at its account's row.
         */
        private void writeNumbers(
                TenantConfig config, long configId, Map<MetaId, Long> accountIds, TenantConfigRow.Encryption secrets) {
            PhoneNumbers numbers = config.phoneNumbers();
            handle.createUpdate(PhoneNumberRow.DELETE_OTHERS)
                    .bind("configId", configId)
                    .bindArray(
                            "kept",
                            String.class,
                            numbers.all().stream().map(n -> n.id().value()).toList())
                    .execute();
            if (numbers.defaultId() != null) {
                handle.createUpdate(PhoneNumberRow.CLEAR_DEFAULT)
                        .bind("configId", configId)
                        .bind("defaultId", numbers.defaultId().value())
                        .execute();
            }
            for (PhoneNumberRow row : PhoneNumberRow.of(config, configId, accountIds, secrets)) {
                if (row.bindTo(handle.createQuery(PhoneNumberRow.UPSERT))
                        .mapTo(String.class)
                        .findOne()
                        .isEmpty()) {
                    throw new AlreadyOwnedException(
                            "the phone number " + row.phoneNumberId() + " belongs to another tenant");
                }
            }
        }

        /**
         * Late owners: changes Meta sent that nobody owned (signed by the platform's app, not
         * refused), naming a number the configuration now has, or its account and a number nobody
         * has, are routed to it as the intake would have routed them, each once, with their
         * {@code whatsapp.change} events. A change whose key the tenant has already stays where it
         * is; so does everything when the routing cannot be done (a savepoint keeps the save).
         */
        private void routeLateChanges(TenantConfig config) {
            List<String> numbers = config.phoneNumbers().all().stream()
                    .map(n -> n.id().value())
                    .toList();
            List<String> wabas = config.accounts().all().stream()
                    .map(Account::wabaId)
                    .filter(Objects::nonNull)
                    .map(MetaId::value)
                    .toList();
            if (numbers.isEmpty() && wabas.isEmpty()) {
                return;
            }
            String tenant = config.tenantId().value();
            handle.savepoint(LATE_OWNERS);
            try {
                List<StoredWebhookChange> routed = handle.createQuery(ROUTE_LATE_CHANGES)
                        .bind("tenant", tenant)
                        .bindArray("numbers", String.class, numbers)
                        .bindArray("wabas", String.class, wabas)
                        .map((rs, ctx) -> new StoredWebhookChange(
                                rs.getString("dedupe_key"),
                                rs.getObject("received_at", OffsetDateTime.class)
                                        .toInstant(),
                                config.tenantId(),
                                metaId(rs.getString("waba_id")),
                                metaId(rs.getString("phone_number_id")),
                                rs.getString("field"),
                                rs.getString("value"),
                                null,
                                null))
                        .list();
                if (!routed.isEmpty()) {
                    Outbox.insertAll(
                            handle,
                            routed.stream()
                                    .flatMap(change -> change
                                            .event()
                                            .flatMap(received -> PlatformEvent.of(received, change.receivedAt()))
                                            .stream())
                                    .toList());
                }
                handle.releaseSavepoint(LATE_OWNERS);
            } catch (JdbiException e) {
                handle.rollbackToSavepoint(LATE_OWNERS);
            }
        }

        private static MetaId metaId(String stored) {
            return stored == null ? null : MetaId.parse(stored);
        }

        /** Runs a statement writing the account {@code wabaId}; taken by another tenant, it is an {@link AlreadyOwnedException}. */
        private <T> T accountChecked(MetaId wabaId, Supplier<T> statement) {
            try {
                return statement.get();
            } catch (JdbiException e) {
                if (violates(e, WABA_INDEX)) {
                    throw new AlreadyOwnedException(
                            "the WhatsApp Business Account " + wabaId + " belongs to another tenant");
                }
                throw e;
            }
        }

        private TenantConfigRow.Encryption encryption(TenantConfig config) {
            return new TenantConfigRow.Encryption(cipher, config.tenantId().value());
        }

        @Override
        public void delete(TenantConfig locked) {
            int deleted = handle.createUpdate("DELETE FROM tenant_configs WHERE id = :id AND version = :version")
                    .bind("id", locked.id())
                    .bind("version", locked.version())
                    .execute();
            if (deleted != 1) {
                throw new IllegalStateException("the configuration of " + locked.tenantId()
                        + " was deleted without being locked at version " + locked.version());
            }
            announce(locked.tenantId().value());
        }

        @Override
        public long deleteAll() {
            long deleted = handle.createUpdate("DELETE FROM tenant_configs").execute();
            announce(ConfigNotifications.ALL_TENANTS);
            return deleted;
        }

        @Override
        public void record(AuditEntry entry) {
            JdbiAuditLog.insert(handle, entry);
        }

        @Override
        public void publish(PlatformEvent event) {
            Outbox.insert(handle, event);
        }

        @Override
        public void requestAppDataSync(AppDataSync sync) {
            JdbiAppDataSyncs.request(handle, sync);
        }

        @Override
        public boolean receive(StoredWebhookChange change) {
            return JdbiWebhookInbox.insert(handle, change);
        }

        @Override
        public MetaInstall.Attachment attachToSignup(
                StoredWebhookChange change, MetaInstall install, Instant notBefore) {
            return JdbiSignupSessions.attach(handle, change, install, notBefore);
        }

        /**
         * Tells every instance's cache that a tenant's configuration changed. PostgreSQL delivers
         * it when (and only if) the transaction commits.
         */
        @Override
        public Map<Template.Key, Template> lockTemplates(MetaId wabaId) {
            return TemplateRows.account(handle, wabaId)
                    .map(account -> TemplateRows.lock(handle, account.id()))
                    .orElse(Map.of());
        }

        @Override
        public void replaceTemplates(MetaId wabaId, List<Template> templates, Instant readAt) {
            TemplateRows.account(handle, wabaId).ifPresent(account -> {
                TemplateRows.replace(handle, account.id(), templates, readAt);
                announce(account.tenantId());
            });
        }

        @Override
        public void saveTemplate(MetaId wabaId, Template template, Instant at) {
            TemplateRows.account(handle, wabaId).ifPresent(account -> {
                TemplateRows.upsert(handle, account.id(), template, at);
                announce(account.tenantId());
            });
        }

        private void announce(String tenant) {
            handle.createQuery("SELECT pg_notify(:channel, :tenant)")
                    .bind("channel", ConfigNotifications.CHANNEL)
                    .bind("tenant", tenant)
                    .mapToMap()
                    .list();
        }
    }
}
