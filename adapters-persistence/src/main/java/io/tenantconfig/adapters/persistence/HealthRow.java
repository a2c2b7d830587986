package io.tenantconfig.adapters.persistence;

import static io.tenantconfig.adapters.persistence.TenantConfigRow.instant;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.tenantconfig.application.port.out.JsonText;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.health.AccountHealth;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthReason;
import io.tenantconfig.domain.health.NumberHealth;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Health} as {@code tenant_health} holds it: the reasons, numbers and accounts as JSON
 * text (they are only ever read whole), the times with their offset. A reason names its account
 * with {@code waba_id}; rows written before accounts were checked one by one have reasons without
 * it (about no account) and {@code accounts} {@code []}.
 */
final class HealthRow {

    /** The columns {@link #read} reads, prefixed with the table's alias {@code h}. */
    static final String COLUMNS =
            "h.state, h.reasons, h.numbers, h.checked_at, h.token_expires_at, h.failed_at, h.last_error, h.accounts";

    /** Writes a {@link JsonText} (Meta's {@code value} in an event) as the JSON it holds, unchanged. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(JsonText.class, new JsonSerializer<>() {
                @Override
                public void serialize(JsonText value, JsonGenerator generator, SerializerProvider provider)
                        throws IOException {
                    generator.writeRawValue(value.json());
                }
            }))
            .build();

    private static final TypeReference<List<Map<String, String>>> LIST_OF_OBJECTS = new TypeReference<>() {};

    private HealthRow() {}

    static Health read(ResultSet rs) throws SQLException {
        List<HealthReason> reasons = objects(rs.getString("reasons")).stream()
                .map(r -> new HealthReason(
                        HealthReason.Code.valueOf(r.get("code")), r.get("message"), metaId(r.get("waba_id"))))
                .toList();
        List<NumberHealth> numbers = objects(rs.getString("numbers")).stream()
                .map(n -> new NumberHealth(
                        MetaId.parse(n.get("phone_number_id")), n.get("status"), n.get("quality_rating")))
                .toList();
        return new Health(
                reasons,
                instant(rs.getObject("checked_at", OffsetDateTime.class)),
                instant(rs.getObject("token_expires_at", OffsetDateTime.class)),
                numbers,
                instant(rs.getObject("failed_at", OffsetDateTime.class)),
                rs.getString("last_error"),
                objects(rs.getString("accounts")).stream()
                        .map(a -> new AccountHealth(
                                metaId(a.get("waba_id")),
                                a.get("token_expires_at") == null ? null : Instant.parse(a.get("token_expires_at"))))
                        .toList());
    }

    static String reasons(Health health) {
        return json(health.reasons().stream()
                .map(r -> ordered(
                        "state",
                        r.state().name(),
                        "code",
                        r.code().name(),
                        "message",
                        r.message(),
                        "waba_id",
                        r.wabaId() == null ? null : r.wabaId().value()))
                .toList());
    }

    /** The accounts the last checks reached, each with its token's expiry. */
    static String accounts(Health health) {
        return json(health.accounts().stream()
                .map(a -> ordered(
                        "waba_id",
                        a.wabaId() == null ? null : a.wabaId().value(),
                        "token_expires_at",
                        a.tokenExpiresAt() == null ? null : a.tokenExpiresAt().toString()))
                .toList());
    }

    private static MetaId metaId(String value) {
        return value == null ? null : MetaId.parse(value);
    }

    static String numbers(Health health) {
        return json(health.numbers().stream()
                .map(n -> ordered(
                        "phone_number_id",
                        n.phoneNumberId().value(),
                        "status",
                        n.status(),
                        "quality_rating",
                        n.qualityRating()))
                .toList());
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<Map<String, String>> objects(String json) {
        try {
            return JSON.readValue(json, LIST_OF_OBJECTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tenant_health holds JSON this version cannot read", e);
        }
    }
}
