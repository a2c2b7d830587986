package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.TemplateDirectory;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.Template;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every account's templates in memory, so that the sending code's lookup costs two map lookups
 * (the account's templates, then the template by name and language). Kept as every
 * {@link AnnouncedMemory} is: a sync or a template webhook announces the account's tenant on
 * {@link ConfigNotifications#CHANNEL}, so every instance, this one included, re-reads that
 * tenant's templates within a second. Each account's templates are replaced whole, so a reader
 * sees the old catalogue or the new one.
 */
final class TemplateIndex extends AnnouncedMemory<TemplateIndex.Memory> implements TemplateDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateIndex.class);

    /** Each template with its account and tenant, one tenant's rows together. */
    private static final String TEMPLATES = "SELECT c.tenant_id, a.waba_id, " + TemplateRows.COLUMNS
            + " FROM message_templates t JOIN whatsapp_accounts a ON a.id = t.account_id"
            + " JOIN tenant_configs c ON c.id = a.config_id WHERE a.waba_id IS NOT NULL";

    private final Jdbi jdbi;
    private final JdbiTemplateCatalogues database;

    TemplateIndex(Jdbi jdbi, JdbiTemplateCatalogues database) {
        super(LOG, "templates", "the template catalogues");
        this.jdbi = jdbi;
        this.database = database;
    }

    @Override
    public Optional<Template> template(MetaId wabaId, Template.Key key) {
        Memory current = current();
        if (current == null) {
            return database.template(wabaId, key);
        }
        Map<Template.Key, Template> templates = current.byAccount.get(wabaId);
        return templates == null ? Optional.empty() : Optional.ofNullable(templates.get(key));
    }

    /** Accounts whose templates are held in memory (0 while not loaded). */
    long size() {
        Memory current = held();
        return current == null ? 0 : current.byAccount.size();
    }

    @Override
    void reread(Memory memory, TenantId tenantId) {
        Map<MetaId, Map<Template.Key, Template>> read = new HashMap<>();
        Availability.available(() -> jdbi.withHandle(handle -> {
            try (Stream<Row> rows = handle
                    .createQuery(TEMPLATES + " AND c.tenant_id = :tenant")
                    .bind("tenant", tenantId.value())
                    .map((rs, ctx) -> row(rs))
                    .stream()) {
                rows.forEach(row -> read.computeIfAbsent(row.wabaId(), k -> new HashMap<>())
                        .put(row.template().key(), row.template()));
            }
            return null;
        }));
        memory.replace(tenantId, read);
    }

    @Override
    Memory loadAll() {
        Memory loaded = new Memory();
        Map<TenantId, Map<MetaId, Map<Template.Key, Template>>> byTenant = new HashMap<>();
        Availability.available(() -> jdbi.withHandle(handle -> {
            try (Stream<Row> rows =
                    handle.createQuery(TEMPLATES).setFetchSize(1_000).map((rs, ctx) -> row(rs)).stream()) {
                rows.forEach(row -> byTenant.computeIfAbsent(row.tenantId(), k -> new HashMap<>())
                        .computeIfAbsent(row.wabaId(), k -> new HashMap<>())
                        .put(row.template().key(), row.template()));
            }
            return null;
        }));
        byTenant.forEach(loaded::replace);
        return loaded;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                TenantId.of(rs.getString("tenant_id")),
                MetaId.parse(rs.getString("waba_id")),
                TemplateRows.template(rs));
    }

    private record Row(TenantId tenantId, MetaId wabaId, Template template) {}

    /** Each account's templates, and which accounts each tenant's templates are in. */
    static final class Memory {
        final Map<MetaId, Map<Template.Key, Template>> byAccount = new ConcurrentHashMap<>();
        final Map<TenantId, Set<MetaId>> accountsOf = new ConcurrentHashMap<>();
        /**
         * One instance of each value many templates hold equal: languages, statuses, qualities and
         * above all the lists of components (a template's shape: its header, body and buttons with
         * their parameter counts), which a read from PostgreSQL gives each template anew. Sharing
         * them is most of a held template's heap (docs/performance.md). Values are immutable
         * records, so sharing changes no answer; the pool only grows with shapes never seen before.
         */
        private final Map<Object, Object> pool = new ConcurrentHashMap<>();

        /**
         * The tenant's accounts now have {@code next}'s templates; an account it no longer lists
         * has none. Each account's map is a {@link HashMap} never changed once published: its
         * nodes keep each key's hash, so a lookup compares one key, where an immutable
         * {@code Map.copyOf} probes (and reads) several.
         */
        void replace(TenantId tenantId, Map<MetaId, Map<Template.Key, Template>> next) {
            next.forEach((account, templates) -> {
                Map<Template.Key, Template> held = new HashMap<>(templates.size() * 4 / 3 + 1);
                templates.forEach((key, template) -> held.put(key, shared(template)));
                byAccount.put(account, held);
            });
            Set<MetaId> previous = accountsOf.put(tenantId, Set.copyOf(next.keySet()));
            if (previous != null) {
                previous.stream().filter(account -> !next.containsKey(account)).forEach(byAccount::remove);
            }
        }

        /** The template, holding the pool's instance of each value it shares with others. */
        Template shared(Template template) {
            return new Template(
                    template.metaId(),
                    template.name(),
                    pooled(template.language()),
                    pooled(template.status()),
                    template.category(),
                    pooled(template.quality()),
                    template.rejectionReason(),
                    pooled(template.components()));
        }

        @SuppressWarnings("unchecked")
        private <T> T pooled(T value) {
            return value == null ? null : (T) pool.computeIfAbsent(value, v -> v);
        }
    }
}
