package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.ConfigFilter;
import io.tenantconfig.application.port.out.AlreadyOwnedException;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.ConfigCatalog;
import io.tenantconfig.application.port.out.ConfigPage;
import io.tenantconfig.application.port.out.ConfigStatistics;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.application.port.out.StoredWebhookChange;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.postgresql.util.PSQLException;

/**
 * Tenant configurations in PostgreSQL (see migrations.xml): one row each in {@code tenant_configs},
 * mapped by {@link TenantConfigRow}, and its phone numbers in {@code tenant_phone_numbers}
 * ({@link PhoneNumberRow}). Every write also announces its tenant on {@link ConfigNotifications#CHANNEL},
 * inside its transaction, so other instances hear of it only once it has committed. That a number
 * or account belongs to one tenant is the unique indexes' to enforce: a write that finds one
 * taken, even by a transaction committing at the same moment, throws {@link AlreadyOwnedException}
 * and is rolled back.
 */
final class JdbiConfigStore implements ConfigStore, ConfigCatalog {

    private static final String BY_TENANT = TenantConfigRow.SELECT + " WHERE tenant_id = :tenantId";

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String WABA_INDEX = "uq_tenant_configs_waba_id";

    private static final String LATE_OWNERS = "late_owners";

    /** Changes nobody owned that are the tenant's now; see {@link JdbiTransaction#routeLateChanges}. */
    private static final String ROUTE_LATE_CHANGES = """
        UPDATE webhook_changes w SET tenant_id = :tenant, dedupe_scope = :tenant, unroutable_reason = NULL
        WHERE w.tenant_id IS NULL AND w.dedupe_scope = '' AND w.unroutable_reason NOT LIKE 'rejected:%'
          AND (w.phone_number_id = ANY(:numbers)
               OR (w.waba_id = :waba AND (w.phone_number_id IS NULL OR NOT EXISTS (
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
            Map<Long, List<PhoneNumberRow>> numbers =
                    numbersOf(handle, shown.stream().map(TenantConfigRow::id).toList());
            List<TenantConfig> configs = shown.stream()
                    .map(row -> toConfig(row, numbers.getOrDefault(row.id(), List.of()), false))
                    .toList();
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
                        rs.getLong("pending_onboarding")))
                .one()));
    }

    /** The tenant's configuration with its numbers. */
    private Optional<TenantConfig> select(Handle handle, String sql, TenantId tenantId, boolean skipUnreadable) {
        return handle.createQuery(sql)
                .bind("tenantId", tenantId.value())
                .mapTo(TenantConfigRow.class)
                .findOne()
                .map(row -> toConfig(
                        row, numbersOf(handle, List.of(row.id())).getOrDefault(row.id(), List.of()), skipUnreadable));
    }

    private TenantConfig toConfig(TenantConfigRow row, List<PhoneNumberRow> numbers, boolean skipUnreadable) {
        TenantConfigRow.Decryption secrets = row.decryption(cipher, skipUnreadable);
        return row.toConfig(PhoneNumberRow.toNumbers(numbers, secrets), secrets);
    }

    /** The numbers of these configurations, each one's in the order they were added. */
    private static Map<Long, List<PhoneNumberRow>> numbersOf(Handle handle, List<Long> configIds) {
        if (configIds.isEmpty()) {
            return Map.of();
        }
        return handle
                .createQuery(PhoneNumberRow.OF_CONFIGS)
                .bindArray("configIds", Long.class, configIds)
                .map(PhoneNumberRow::map)
                .stream()
                .collect(Collectors.groupingBy(PhoneNumberRow::configId, Collectors.toList()));
    }

    /**
     * The unique index a statement broke, when it broke one: {@code uq_tenant_configs_waba_id}
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
        /** The numbers of each configuration this transaction locked, as stored: unchanged ones are not rewritten. */
        private final Map<Long, PhoneNumbers> lockedNumbers = new HashMap<>();

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
            locked.ifPresent(config -> lockedNumbers.put(config.id(), config.phoneNumbers()));
            return locked;
        }

        @Override
        public Optional<TenantConfig> insertIfAbsent(TenantConfig config) {
            TenantConfigRow.Encryption secrets = encryption(config);
            Optional<TenantConfigRow> inserted = accountChecked(
                    config,
                    () -> TenantConfigRow.of(config, secrets)
                            .bindTo(handle.createQuery(TenantConfigRow.INSERT))
                            .mapTo(TenantConfigRow.class)
                            .findOne());
            if (inserted.isEmpty()) {
                return Optional.empty();
            }
            TenantConfigRow row = inserted.get();
            writeNumbers(config, row.id(), PhoneNumbers.NONE, secrets);
            routeLateChanges(config);
            announce(row.tenantId());
            return Optional.of(row.toConfig(config.phoneNumbers(), row.decryption(cipher, false)));
        }

        @Override
        public TenantConfig save(TenantConfig changed) {
            TenantConfigRow.Encryption secrets = encryption(changed);
            TenantConfigRow saved = accountChecked(
                    changed,
                    () -> TenantConfigRow.of(changed, secrets)
                            .bindTo(handle.createQuery(TenantConfigRow.UPDATE))
                            .mapTo(TenantConfigRow.class)
                            .findOne()
                            .orElseThrow(() -> new IllegalStateException("the configuration of " + changed.tenantId()
                                    + " was saved without being locked at version " + changed.version())));
            writeNumbers(changed, saved.id(), lockedNumbers.get(saved.id()), secrets);
            lockedNumbers.put(saved.id(), changed.phoneNumbers());
            routeLateChanges(changed);
            announce(saved.tenantId());
            return saved.toConfig(changed.phoneNumbers(), saved.decryption(cipher, false));
        }

        /**
         * Makes the stored numbers of a configuration {@code config}'s: those it no longer has
         * go, at most one default at any moment, the others inserted or updated in place.
         *
         * @param before the numbers as stored ({@code null} when not known): equal ones are left alone
         */
        private void writeNumbers(
                TenantConfig config, long configId, PhoneNumbers before, TenantConfigRow.Encryption secrets) {
            PhoneNumbers numbers = config.phoneNumbers();
            if (numbers.equals(before)) {
                return;
            }
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
            for (PhoneNumberRow row : PhoneNumberRow.of(config, configId, secrets)) {
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
            String waba = config.account().wabaId() == null
                    ? null
                    : config.account().wabaId().value();
            if (numbers.isEmpty() && waba == null) {
                return;
            }
            String tenant = config.tenantId().value();
            handle.savepoint(LATE_OWNERS);
            try {
                List<StoredWebhookChange> routed = handle.createQuery(ROUTE_LATE_CHANGES)
                        .bind("tenant", tenant)
                        .bindArray("numbers", String.class, numbers)
                        .bind("waba", waba)
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

        /** Runs a statement writing {@code config}'s row; its account taken by another tenant is an {@link AlreadyOwnedException}. */
        private <T> T accountChecked(TenantConfig config, Supplier<T> statement) {
            try {
                return statement.get();
            } catch (JdbiException e) {
                if (violates(e, WABA_INDEX)) {
                    throw new AlreadyOwnedException("the WhatsApp Business Account "
                            + config.account().wabaId() + " belongs to another tenant");
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
        public boolean receive(StoredWebhookChange change) {
            return JdbiWebhookInbox.insert(handle, change);
        }

        /**
         * Tells every instance's cache that a tenant's configuration changed. PostgreSQL delivers
         * it when (and only if) the transaction commits.
         */
        private void announce(String tenant) {
            handle.createQuery("SELECT pg_notify(:channel, :tenant)")
                    .bind("channel", ConfigNotifications.CHANNEL)
                    .bind("tenant", tenant)
                    .mapToMap()
                    .list();
        }
    }
}
