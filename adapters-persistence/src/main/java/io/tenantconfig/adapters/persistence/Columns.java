package io.tenantconfig.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/** Conversions between column values and domain values, in both directions. */
final class Columns {

    private Columns() {
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Where a secret is stored, bound into its ciphertext: {@code tenant_configs.access_token/acme}. */
    static String location(String column, String tenantId) {
        return "tenant_configs." + column + "/" + tenantId;
    }

    /** Timestamps are written with an explicit UTC offset into {@code timestamptz} columns. */
    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static <T> T nullable(ResultSet rs, String column, Function<String, T> parse) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : parse.apply(value);
    }
}
