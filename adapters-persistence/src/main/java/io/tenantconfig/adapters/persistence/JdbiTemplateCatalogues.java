package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.TemplateCatalogues;
import io.tenantconfig.application.port.out.TemplateDirectory;
import io.tenantconfig.application.port.out.TemplateSchedule;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.Template;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The template catalogues in {@code message_templates}, their schedule in
 * {@code template_syncs}, and the directory the lookup asks while it cannot trust its memory.
 * The schedule works as {@link JdbiHealthSchedule}'s: due rows leased with
 * {@code FOR UPDATE SKIP LOCKED}, times from the caller's clock. Lists page by the row id
 * (keyset), as the other lists do.
 */
final class JdbiTemplateCatalogues implements TemplateCatalogues, TemplateSchedule, TemplateDirectory {

    /** The tenant's accounts' templates: {@code a} the account, {@code t} the template. */
    private static final String OF_TENANT = " FROM message_templates t JOIN whatsapp_accounts a ON a.id = t.account_id"
            + " JOIN tenant_configs c ON c.id = a.config_id WHERE c.tenant_id = :tenant";

    private static final String ENROLL = """
        INSERT INTO template_syncs (account_id, next_read_at)
        SELECT a.id, :now FROM whatsapp_accounts a JOIN tenant_configs c ON c.id = a.config_id
        WHERE c.is_active AND a.waba_id IS NOT NULL AND a.access_token IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM template_syncs s WHERE s.account_id = a.id)
        ON CONFLICT (account_id) DO NOTHING\
        """;

    private static final String CLAIM = """
        UPDATE template_syncs s SET lease_owner = :owner, lease_until = :until
        FROM whatsapp_accounts a JOIN tenant_configs c ON c.id = a.config_id
        WHERE a.id = s.account_id AND s.account_id IN (
          SELECT d.account_id FROM template_syncs d
          JOIN whatsapp_accounts da ON da.id = d.account_id JOIN tenant_configs dc ON dc.id = da.config_id
          WHERE dc.is_active AND da.waba_id IS NOT NULL AND d.next_read_at <= :now
            AND (d.lease_until IS NULL OR d.lease_until < :now)
          ORDER BY d.next_read_at LIMIT :limit
          FOR UPDATE OF d SKIP LOCKED)
        RETURNING c.tenant_id, a.waba_id\
        """;

    private static final String DONE = """
        UPDATE template_syncs s SET next_read_at = :next, lease_owner = NULL, lease_until = NULL
        FROM whatsapp_accounts a WHERE a.id = s.account_id AND a.waba_id = :waba AND s.lease_owner = :owner\
        """;

    private static final String FAILED = """
        INSERT INTO template_syncs (account_id, next_read_at, attempted_at, failure)
        SELECT id, :at, :at, :failure FROM whatsapp_accounts WHERE waba_id = :waba
        ON CONFLICT (account_id) DO UPDATE SET attempted_at = EXCLUDED.attempted_at, failure = EXCLUDED.failure\
        """;

    private static final String DUE_NOW = """
        INSERT INTO template_syncs (account_id, next_read_at)
        SELECT id, :now FROM whatsapp_accounts WHERE waba_id = :waba
        ON CONFLICT (account_id) DO UPDATE SET next_read_at = EXCLUDED.next_read_at\
        """;

    private final Jdbi jdbi;

    JdbiTemplateCatalogues(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public TemplatePage page(TenantId tenantId, TemplateQuery query) {
        StringBuilder sql = new StringBuilder("SELECT a.waba_id, " + TemplateRows.COLUMNS + OF_TENANT);
        query.status().ifPresent(s -> sql.append(" AND t.status = :status"));
        query.name().ifPresent(n -> sql.append(" AND t.name = :name"));
        query.language().ifPresent(l -> sql.append(" AND t.language = :language"));
        query.after().ifPresent(a -> sql.append(" AND t.id > :after"));
        sql.append(" ORDER BY t.id LIMIT :limit");
        List<AccountTemplate> found = Availability.available(() -> jdbi.withHandle(handle -> {
            Query select = handle.createQuery(sql.toString())
                    .bind("tenant", tenantId.value())
                    .bind("limit", query.limit() + 1);
            query.status().ifPresent(s -> select.bind("status", s.value()));
            query.name().ifPresent(n -> select.bind("name", n.value()));
            query.language().ifPresent(l -> select.bind("language", l.value()));
            query.after().ifPresent(a -> select.bind("after", a));
            return select.map((rs, ctx) -> new AccountTemplate(
                            rs.getLong("id"),
                            MetaId.parse(rs.getString("waba_id")),
                            TemplateRows.template(rs),
                            rs.getObject("updated_at", java.time.OffsetDateTime.class)
                                    .toInstant()))
                    .list();
        }));
        if (found.size() <= query.limit()) {
            return new TemplatePage(found, null);
        }
        List<AccountTemplate> page = found.subList(0, query.limit());
        return new TemplatePage(page, page.get(page.size() - 1).id());
    }

    @Override
    public List<AccountTemplate> find(TenantId tenantId, Template.Key key) {
        return Availability.available(() ->
                jdbi.withHandle(handle -> handle.createQuery("SELECT a.waba_id, " + TemplateRows.COLUMNS + OF_TENANT
                                + " AND t.name = :name AND t.language = :language ORDER BY a.id")
                        .bind("tenant", tenantId.value())
                        .bind("name", key.name().value())
                        .bind("language", key.language().value())
                        .map((rs, ctx) -> new AccountTemplate(
                                rs.getLong("id"),
                                MetaId.parse(rs.getString("waba_id")),
                                TemplateRows.template(rs),
                                rs.getObject("updated_at", java.time.OffsetDateTime.class)
                                        .toInstant()))
                        .list()));
    }

    @Override
    public List<CatalogueRead> reads(TenantId tenantId) {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT a.waba_id, s.read_at, s.attempted_at, s.failure FROM whatsapp_accounts a"
                                + " JOIN tenant_configs c ON c.id = a.config_id"
                                + " LEFT JOIN template_syncs s ON s.account_id = a.id"
                                + " WHERE c.tenant_id = :tenant AND a.waba_id IS NOT NULL ORDER BY a.id")
                .bind("tenant", tenantId.value())
                .map((rs, ctx) -> new CatalogueRead(
                        MetaId.parse(rs.getString("waba_id")),
                        TenantConfigRow.instant(rs.getObject("read_at", java.time.OffsetDateTime.class)),
                        TenantConfigRow.instant(rs.getObject("attempted_at", java.time.OffsetDateTime.class)),
                        rs.getString("failure")))
                .list()));
    }

    @Override
    public Optional<Template> template(MetaId wabaId, Template.Key key) {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery("SELECT "
                        + TemplateRows.COLUMNS
                        + " FROM message_templates t JOIN whatsapp_accounts a ON a.id = t.account_id"
                        + " WHERE a.waba_id = :waba AND t.name = :name AND t.language = :language")
                .bind("waba", wabaId.value())
                .bind("name", key.name().value())
                .bind("language", key.language().value())
                .map((rs, ctx) -> TemplateRows.template(rs))
                .findFirst()));
    }

    @Override
    public void enroll(Instant now) {
        Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(ENROLL)
                .bind("now", TenantConfigRow.timestamp(now))
                .execute()));
    }

    @Override
    public List<DueCatalogue> claimDue(String owner, Instant now, Duration lease, int limit) {
        return Availability.available(() -> jdbi.inTransaction(handle -> handle.createQuery(CLAIM)
                .bind("owner", owner)
                .bind("until", TenantConfigRow.timestamp(now.plus(lease)))
                .bind("now", TenantConfigRow.timestamp(now))
                .bind("limit", limit)
                .map((rs, ctx) ->
                        new DueCatalogue(TenantId.of(rs.getString("tenant_id")), MetaId.parse(rs.getString("waba_id"))))
                .list()));
    }

    @Override
    public void done(MetaId wabaId, String owner, Instant next) {
        Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(DONE)
                .bind("next", TenantConfigRow.timestamp(next))
                .bind("waba", wabaId.value())
                .bind("owner", owner)
                .execute()));
    }

    @Override
    public void failed(MetaId wabaId, Instant at, String failure) {
        Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(FAILED)
                .bind("at", TenantConfigRow.timestamp(at))
                .bind("failure", failure.length() > 300 ? failure.substring(0, 300) : failure)
                .bind("waba", wabaId.value())
                .execute()));
    }

    @Override
    public boolean dueNow(MetaId wabaId, Instant now) {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createUpdate(DUE_NOW)
                        .bind("now", TenantConfigRow.timestamp(now))
                        .bind("waba", wabaId.value())
                        .execute())
                > 0);
    }
}
