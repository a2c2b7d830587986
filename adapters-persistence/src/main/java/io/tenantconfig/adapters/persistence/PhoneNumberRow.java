package io.tenantconfig.adapters.persistence;

import static io.tenantconfig.adapters.persistence.TenantConfigRow.instant;
import static io.tenantconfig.adapters.persistence.TenantConfigRow.parse;
import static io.tenantconfig.adapters.persistence.TenantConfigRow.text;
import static io.tenantconfig.adapters.persistence.TenantConfigRow.timestamp;

import io.tenantconfig.domain.DisplayPhoneNumber;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NumberLabel;
import io.tenantconfig.domain.NumberVerification;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.VerifiedName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row of {@code tenant_phone_numbers}: one number of a configuration, in one of its accounts
 * ({@code account_id}, a row of {@link AccountRow#TABLE} of the same configuration: the foreign key
 * names both), {@code is_default} on exactly one of them. Rows are read in {@code id} order, the order the numbers were added. The
 * PIN is encrypted bound to {@code tenant_configs.registration_pin/<tenant>}, where it was stored
 * before numbers had a table of their own, so that migrating them moved ciphertexts unchanged.
 */
record PhoneNumberRow(
        long configId,
        long accountId,
        String phoneNumberId,
        String displayPhoneNumber,
        String verifiedName,
        String label,
        boolean isDefault,
        boolean isActive,
        OffsetDateTime registeredAt,
        String registrationPin,
        boolean coexistence,
        boolean verified,
        OffsetDateTime codeRequestedAt) {

    static final String TABLE = "tenant_phone_numbers";
    static final String PIN_COLUMN = "registration_pin";

    static final String COLUMNS = "config_id, account_id, phone_number_id, display_phone_number, verified_name, label,"
            + " is_default, is_active, registered_at, registration_pin, coexistence, verified, code_requested_at";

    static final String OF_CONFIGS =
            "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE config_id = ANY(:configIds) ORDER BY config_id, id";

    /**
     * Inserts a number of this configuration, or updates it when the configuration has it: a
     * number another configuration has is left alone, and no row comes back.
     */
    static final String UPSERT =
            "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (:configId, :accountId, :phoneNumberId,"
                    + " :displayPhoneNumber, :verifiedName, :label, :isDefault, :isActive, :registeredAt, :registrationPin,"
                    + " :coexistence, :verified, :codeRequestedAt)"
                    + " ON CONFLICT (phone_number_id) DO UPDATE SET account_id = EXCLUDED.account_id, display_phone_number = EXCLUDED.display_phone_number,"
                    + " verified_name = EXCLUDED.verified_name, label = EXCLUDED.label, is_default = EXCLUDED.is_default,"
                    + " is_active = EXCLUDED.is_active, registered_at = EXCLUDED.registered_at,"
                    + " registration_pin = EXCLUDED.registration_pin, coexistence = EXCLUDED.coexistence,"
                    + " verified = EXCLUDED.verified, code_requested_at = EXCLUDED.code_requested_at WHERE " + TABLE
                    + ".config_id = EXCLUDED.config_id"
                    + " RETURNING phone_number_id";

    /** The numbers a configuration no longer has. */
    static final String DELETE_OTHERS =
            "DELETE FROM " + TABLE + " WHERE config_id = :configId AND phone_number_id <> ALL(:kept)";

    /** Before another number becomes the default: at most one default at any moment. */
    static final String CLEAR_DEFAULT = "UPDATE " + TABLE
            + " SET is_default = false WHERE config_id = :configId AND is_default AND phone_number_id <> :defaultId";

    static PhoneNumberRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PhoneNumberRow(
                rs.getLong("config_id"),
                rs.getLong("account_id"),
                rs.getString("phone_number_id"),
                rs.getString("display_phone_number"),
                rs.getString("verified_name"),
                rs.getString("label"),
                rs.getBoolean("is_default"),
                rs.getBoolean("is_active"),
                rs.getObject("registered_at", OffsetDateTime.class),
                rs.getString("registration_pin"),
                rs.getBoolean("coexistence"),
                rs.getBoolean("verified"),
                rs.getObject("code_requested_at", OffsetDateTime.class));
    }

    /** Binds each column's value under its component's name ({@code :phoneNumberId}). */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement
                .bind("configId", configId)
                .bind("accountId", accountId)
                .bind("phoneNumberId", phoneNumberId)
                .bind("displayPhoneNumber", displayPhoneNumber)
                .bind("verifiedName", verifiedName)
                .bind("label", label)
                .bind("isDefault", isDefault)
                .bind("isActive", isActive)
                .bind("registeredAt", registeredAt)
                .bind("registrationPin", registrationPin)
                .bind("coexistence", coexistence)
                .bind("verified", verified)
                .bind("codeRequestedAt", codeRequestedAt);
    }

    /**
     * The rows of a configuration's numbers, in their order.
     *
     * @param accountIds the row id of each of the configuration's accounts, by its waba_id ({@code null}: the unnamed one)
     */
    static List<PhoneNumberRow> of(
            TenantConfig config, long configId, Map<MetaId, Long> accountIds, TenantConfigRow.Encryption secrets) {
        PhoneNumbers numbers = config.phoneNumbers();
        return numbers.all().stream()
                .map(n -> new PhoneNumberRow(
                        configId,
                        accountId(accountIds, n),
                        n.id().value(),
                        text(n.displayNumber()),
                        text(n.verifiedName()),
                        text(n.label()),
                        numbers.isDefault(n.id()),
                        n.active(),
                        timestamp(n.registeredAt()),
                        secrets.encrypt(PIN_COLUMN, n.registrationPin()),
                        n.coexistence(),
                        n.verification().verified(),
                        timestamp(n.verification().codeRequestedAt())))
                .toList();
    }

    private static long accountId(Map<MetaId, Long> accountIds, PhoneNumber number) {
        Long id = accountIds.get(number.wabaId());
        if (id == null) {
            throw new IllegalStateException("the number " + number.id() + " belongs to an account that has no row");
        }
        return id;
    }

    /**
     * The numbers these rows (of one configuration, in their order) hold.
     *
     * @param wabaIds the waba_id of each of the configuration's account rows, by row id ({@code null}: unnamed)
     */
    static PhoneNumbers toNumbers(
            List<PhoneNumberRow> rows, Map<Long, MetaId> wabaIds, TenantConfigRow.Decryption secrets) {
        MetaId defaultId = null;
        List<PhoneNumber> numbers = rows.stream()
                .map(row -> new PhoneNumber(
                        MetaId.parse(row.phoneNumberId),
                        wabaIds.get(row.accountId),
                        parse(row.displayPhoneNumber, DisplayPhoneNumber::parse),
                        parse(row.verifiedName, VerifiedName::parse),
                        parse(row.label, NumberLabel::parse),
                        row.isActive,
                        instant(row.registeredAt),
                        secrets.decrypt(PIN_COLUMN, row.registrationPin),
                        row.coexistence,
                        new NumberVerification(row.verified, instant(row.codeRequestedAt))))
                .toList();
        for (PhoneNumberRow row : rows) {
            if (row.isDefault) {
                defaultId = MetaId.parse(row.phoneNumberId);
            }
        }
        return new PhoneNumbers(numbers, defaultId);
    }
}
