package io.tenantconfig.adapters.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.template.Template;
import io.tenantconfig.domain.template.TemplateCategory;
import io.tenantconfig.domain.template.TemplateComponent;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import io.tenantconfig.domain.template.TemplateQuality;
import io.tenantconfig.domain.template.TemplateStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@code message_templates} and {@code template_syncs} rows: the one place that names their
 * columns, and the writes a {@link io.tenantconfig.application.port.out.ConfigStore.Transaction}
 * makes to them. Components are kept as a JSON list of {@code type}, {@code sub_type},
 * {@code index} and {@code parameters}.
 */
final class TemplateRows {

    static final String COLUMNS =
            "t.id, t.name, t.language, t.meta_id, t.status, t.category, t.quality, t.rejection_reason, t.components,"
                    + " t.updated_at";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, Object>>> COMPONENTS = new TypeReference<>() {};

    /** The account's row and tenant, by its id at Meta. */
    private static final String ACCOUNT = "SELECT a.id, c.tenant_id FROM whatsapp_accounts a"
            + " JOIN tenant_configs c ON c.id = a.config_id WHERE a.waba_id = :waba";

    private static final String UPSERT = """
        INSERT INTO message_templates (account_id, name, language, meta_id, status, category, quality,
                                       rejection_reason, components, updated_at)
        VALUES (:account, :name, :language, :metaId, :status, :category, :quality, :rejectionReason, :components, :at)
        ON CONFLICT (account_id, name, language) DO UPDATE SET meta_id = EXCLUDED.meta_id, status = EXCLUDED.status,
          category = EXCLUDED.category, quality = EXCLUDED.quality, rejection_reason = EXCLUDED.rejection_reason,
          components = EXCLUDED.components, updated_at = EXCLUDED.updated_at\
        """;

    private TemplateRows() {}

    /** The account's row id and its tenant; empty when no configuration has the account. */
    static Optional<AccountOf> account(Handle handle, MetaId wabaId) {
        return handle.createQuery(ACCOUNT)
                .bind("waba", wabaId.value())
                .map((rs, ctx) -> new AccountOf(rs.getLong("id"), rs.getString("tenant_id")))
                .findFirst();
    }

    record AccountOf(long id, String tenantId) {}

    /**
     * Locks the account's catalogue (its schedule row; one made here is due at once, as the
     * account was never read) and reads its templates.
     */
    static Map<Template.Key, Template> lock(Handle handle, long accountId) {
        handle.createUpdate("INSERT INTO template_syncs (account_id, next_read_at) VALUES (:account, :now)"
                        + " ON CONFLICT (account_id) DO NOTHING")
                .bind("account", accountId)
                .bind("now", TenantConfigRow.timestamp(Instant.EPOCH))
                .execute();
        handle.createQuery("SELECT account_id FROM template_syncs WHERE account_id = :account FOR UPDATE")
                .bind("account", accountId)
                .mapTo(Long.class)
                .one();
        Map<Template.Key, Template> templates = new LinkedHashMap<>();
        handle.createQuery(
                        "SELECT " + COLUMNS + " FROM message_templates t WHERE t.account_id = :account ORDER BY t.id")
                .bind("account", accountId)
                .map((rs, ctx) -> template(rs))
                .forEach(t -> templates.put(t.key(), t));
        return templates;
    }

    static void replace(Handle handle, long accountId, List<Template> templates, Instant readAt) {
        List<String> names = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        for (Template template : templates) {
            upsert(handle, accountId, template, readAt);
            names.add(template.name().value());
            languages.add(template.language().value());
        }
        handle.createUpdate("DELETE FROM message_templates t WHERE t.account_id = :account AND (t.name, t.language)"
                        + " NOT IN (SELECT * FROM unnest(CAST(:names AS text[]), CAST(:languages AS text[])))")
                .bind("account", accountId)
                .bindArray("names", String.class, names)
                .bindArray("languages", String.class, languages)
                .execute();
        handle.createUpdate("UPDATE template_syncs SET read_at = :at, attempted_at = :at, failure = NULL"
                        + " WHERE account_id = :account")
                .bind("account", accountId)
                .bind("at", TenantConfigRow.timestamp(readAt))
                .execute();
    }

    static void upsert(Handle handle, long accountId, Template template, Instant at) {
        handle.createUpdate(UPSERT)
                .bind("account", accountId)
                .bind("name", template.name().value())
                .bind("language", template.language().value())
                .bind(
                        "metaId",
                        template.metaId() == null ? null : template.metaId().value())
                .bind("status", template.status().value())
                .bind(
                        "category",
                        template.category() == null ? null : template.category().name())
                .bind(
                        "quality",
                        template.quality() == null ? null : template.quality().value())
                .bind("rejectionReason", shortened(template.rejectionReason()))
                .bind("components", components(template.components()))
                .bind("at", TenantConfigRow.timestamp(at))
                .execute();
    }

    static Template template(ResultSet rs) throws SQLException {
        return new Template(
                TenantConfigRow.parse(rs.getString("meta_id"), MetaId::parse),
                TemplateName.parse(rs.getString("name")),
                TemplateLanguage.parse(rs.getString("language")),
                TemplateStatus.parse(rs.getString("status")),
                category(rs.getString("category")),
                TenantConfigRow.parse(rs.getString("quality"), TemplateQuality::parse),
                rs.getString("rejection_reason"),
                components(rs.getString("components")));
    }

    private static TemplateCategory category(String value) {
        if (value == null) {
            return null;
        }
        try {
            return TemplateCategory.parse(value);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static String shortened(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200);
    }

    static String components(List<TemplateComponent> components) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (TemplateComponent component : components) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("type", component.type());
            one.put("sub_type", component.subType());
            one.put("index", component.index());
            one.put("parameters", component.parameters());
            list.add(one);
        }
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a template's components could not be written as JSON", e);
        }
    }

    static List<TemplateComponent> components(String json) {
        try {
            return JSON.readValue(json, COMPONENTS).stream()
                    .map(c -> new TemplateComponent(
                            (String) c.get("type"),
                            (String) c.get("sub_type"),
                            c.get("index") == null ? null : ((Number) c.get("index")).intValue(),
                            ((Number) c.get("parameters")).intValue()))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored template's components are not the JSON this service writes", e);
        }
    }
}
