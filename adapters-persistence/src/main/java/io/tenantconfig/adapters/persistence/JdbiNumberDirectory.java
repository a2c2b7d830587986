package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.port.out.NumberDirectory;
import io.tenantconfig.application.port.out.WebhookKeys;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.capacity.NumberCapacity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Who owns which number and account, read from PostgreSQL without touching a secret: what
 * {@link NumberIndex} loads into memory, and asks itself while it cannot trust its memory.
 */
final class JdbiNumberDirectory implements NumberDirectory, WebhookKeys {

    /**
     * One row per number with its account, one per account without a number, one per configuration
     * without an account: a configuration's rows together, its accounts in order, each one's numbers in order.
     */
    private static final String OWNERSHIPS = "SELECT c.id, c.tenant_id, c.is_active, c.webhook_key, a.id AS account_id,"
            + " a.waba_id, a.standing_status, n.phone_number_id, n.is_default, n.is_active AS number_active,"
            + " n.coexistence, n.throughput_level, n.quality_rating, n.messaging_limit_tier, n.name_status"
            + " FROM tenant_configs c LEFT JOIN whatsapp_accounts a ON a.config_id = c.id"
            + " LEFT JOIN tenant_phone_numbers n ON n.account_id = a.id";

    private static final String ORDER = " ORDER BY c.id, a.id, n.id";

    /**
     * Each capacity read, once: numbers share a handful of combinations of Meta's words, so the
     * index holds one instance of each, not one per number.
     */
    private static final Map<NumberCapacity, NumberCapacity> CAPACITIES = new ConcurrentHashMap<>();

    private final Jdbi jdbi;

    JdbiNumberDirectory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<NumberOwner> ownerOfNumber(MetaId phoneNumberId) {
        return one(
                        " WHERE c.id = (SELECT config_id FROM tenant_phone_numbers WHERE phone_number_id = :id)",
                        phoneNumberId.value())
                .flatMap(ownership -> ownership.ofNumber(phoneNumberId));
    }

    @Override
    public Optional<NumberOwner> ownerOfAccount(MetaId wabaId) {
        return one(" WHERE c.id = (SELECT config_id FROM whatsapp_accounts WHERE waba_id = :id)", wabaId.value())
                .flatMap(ownership -> ownership.ofAccount(wabaId));
    }

    @Override
    public Optional<TenantId> tenantOfKey(String key) {
        return one(" WHERE c.webhook_key = :id", key).map(Ownership::tenantId);
    }

    @Override
    public Optional<String> keyOf(TenantId tenantId) {
        return ownershipOf(tenantId).map(Ownership::webhookKey);
    }

    /** What the tenant owns now; empty when it has no configuration. */
    Optional<Ownership> ownershipOf(TenantId tenantId) {
        return one(" WHERE c.tenant_id = :id", tenantId.value());
    }

    /** What every tenant owns, handed over one tenant at a time, in one statement's snapshot. */
    void forEachOwnership(Consumer<Ownership> each) {
        Availability.available(() -> {
            jdbi.useHandle(handle -> {
                try (Stream<OwnershipRow> rows =
                        handle.createQuery(OWNERSHIPS + ORDER).map(OwnershipRow::map).stream()) {
                    grouped(rows, each);
                }
            });
            return null;
        });
    }

    private Optional<Ownership> one(String where, String id) {
        return Availability.available(() -> jdbi.withHandle(handle -> {
            List<Ownership> found = new ArrayList<>();
            try (Stream<OwnershipRow> rows = select(handle, where, id)) {
                grouped(rows, found::add);
            }
            return found.stream().findFirst();
        }));
    }

    private static Stream<OwnershipRow> select(Handle handle, String where, String id) {
        return handle.createQuery(OWNERSHIPS + where + ORDER).bind("id", id).map(OwnershipRow::map).stream();
    }

    /** Turns consecutive rows of one configuration into its {@link Ownership}. */
    private static void grouped(Stream<OwnershipRow> rows, Consumer<Ownership> each) {
        List<OwnershipRow> current = new ArrayList<>();
        rows.forEachOrdered(row -> {
            if (!current.isEmpty() && current.get(0).configId() != row.configId()) {
                each.accept(ownership(current));
                current.clear();
            }
            current.add(row);
        });
        if (!current.isEmpty()) {
            each.accept(ownership(current));
        }
    }

    private static Ownership ownership(List<OwnershipRow> rows) {
        OwnershipRow first = rows.get(0);
        List<Ownership.AccountOwnership> accounts = new ArrayList<>();
        Map<MetaId, Ownership.NumberOwnership> numbers = new LinkedHashMap<>();
        MetaId defaultNumber = null;
        long account = 0;
        for (OwnershipRow row : rows) {
            if (row.accountId() == 0) {
                continue;
            }
            MetaId wabaId = row.wabaId() == null ? null : MetaId.parse(row.wabaId());
            if (row.accountId() != account) {
                account = row.accountId();
                accounts.add(new Ownership.AccountOwnership(wabaId, row.accountServing()));
            }
            if (row.phoneNumberId() != null) {
                MetaId number = MetaId.parse(row.phoneNumberId());
                numbers.put(
                        number,
                        new Ownership.NumberOwnership(
                                row.numberActive(),
                                wabaId,
                                row.coexistence(),
                                CAPACITIES.computeIfAbsent(row.capacity(), capacity -> capacity)));
                if (row.isDefault()) {
                    defaultNumber = number;
                }
            }
        }
        return new Ownership(
                TenantId.of(first.tenantId()), first.active(), accounts, defaultNumber, numbers, first.webhookKey());
    }

    private record OwnershipRow(
            long configId,
            String tenantId,
            /** Whether the configuration is switched on. */
            boolean active,
            /** 0: the configuration has no account. */
            long accountId,
            String wabaId,
            /** Whether Meta lets the account serve. */
            boolean accountServing,
            String phoneNumberId,
            boolean isDefault,
            boolean numberActive,
            /** Whether the number is a WhatsApp Business app's (coexistence). */
            boolean coexistence,
            /** As Meta last said it ({@link NumberCapacity#UNKNOWN} for a configuration's row without a number). */
            NumberCapacity capacity,
            String webhookKey) {

        static OwnershipRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            String standing = rs.getString("standing_status");
            return new OwnershipRow(
                    rs.getLong("id"),
                    rs.getString("tenant_id"),
                    rs.getBoolean("is_active"),
                    rs.getLong("account_id"),
                    rs.getString("waba_id"),
                    standing == null || AccountStanding.Status.valueOf(standing).serving(),
                    rs.getString("phone_number_id"),
                    rs.getBoolean("is_default"),
                    rs.getBoolean("number_active"),
                    rs.getBoolean("coexistence"),
                    new NumberCapacity(
                            rs.getString("throughput_level"),
                            rs.getString("quality_rating"),
                            rs.getString("messaging_limit_tier"),
                            rs.getString("name_status")),
                    rs.getString("webhook_key"));
        }
    }
}
