package io.tenantconfig.adapters.persistence;

import static io.tenantconfig.adapters.persistence.TenantConfigRow.instant;
import static io.tenantconfig.adapters.persistence.TenantConfigRow.parse;
import static io.tenantconfig.adapters.persistence.TenantConfigRow.text;
import static io.tenantconfig.adapters.persistence.TenantConfigRow.timestamp;

import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TokenGrant;
import io.tenantconfig.domain.WhatsAppAccount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row of {@code whatsapp_accounts}: one WhatsApp Business Account of a configuration, read in
 * {@code id} order (the order they were added). Its tokens are encrypted bound to
 * {@code tenant_configs.access_token/<tenant>} and {@code tenant_configs.refresh_token/<tenant>},
 * where they were stored before accounts had a table of their own (changeSet 22 moved the
 * ciphertexts unchanged), so every account of a tenant binds its token the same way.
 * {@code token_scopes} holds the account's scopes comma-separated, {@code NULL} when none are known.
 */
record AccountRow(
        long id,
        long configId,
        String wabaId,
        String businessId,
        String accessToken,
        String refreshToken,
        OffsetDateTime tokenExpiresAt,
        OffsetDateTime lastVerifiedAt,
        String tokenType,
        String tokenScopes,
        String standingStatus,
        String standingEvent,
        String standingDetail,
        OffsetDateTime standingSince,
        OffsetDateTime subscribedAt) {

    static final String TABLE = "whatsapp_accounts";
    static final List<String> SECRET_COLUMNS = List.of("access_token", "refresh_token");

    /** The unique constraint that keeps an account one tenant's. */
    static final String WABA_CONSTRAINT = "uq_whatsapp_accounts_waba_id";

    static final String COLUMNS = "id, config_id, waba_id, business_id, access_token, refresh_token,"
            + " token_expires_at, last_verified_at, token_type, token_scopes, standing_status, standing_event, standing_detail,"
            + " standing_since, subscribed_at";

    static final String OF_CONFIGS =
            "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE config_id = ANY(:configIds) ORDER BY config_id, id";

    static final String INSERT = "INSERT INTO " + TABLE + " (config_id, waba_id, business_id, access_token,"
            + " refresh_token, token_expires_at, last_verified_at, token_type, token_scopes, standing_status,"
            + " standing_event, standing_detail, standing_since, subscribed_at) VALUES (:configId, :wabaId,"
            + " :businessId, :accessToken, :refreshToken, :tokenExpiresAt, :lastVerifiedAt, :tokenType,"
            + " :tokenScopes, :standingStatus, :standingEvent, :standingDetail, :standingSince, :subscribedAt)"
            + " RETURNING id";

    /** Rewrites an account in place; its configuration is part of the key, so only its own row is touched. */
    static final String UPDATE = "UPDATE " + TABLE + " SET waba_id = :wabaId, business_id = :businessId,"
            + " access_token = :accessToken, refresh_token = :refreshToken, token_expires_at = :tokenExpiresAt,"
            + " last_verified_at = :lastVerifiedAt, token_type = :tokenType, token_scopes = :tokenScopes,"
            + " standing_status = :standingStatus,"
            + " standing_event = :standingEvent, standing_detail = :standingDetail, standing_since = :standingSince,"
            + " subscribed_at = :subscribedAt WHERE id = :id AND config_id = :configId";

    static final String DELETE = "DELETE FROM " + TABLE + " WHERE id = ANY(:ids) AND config_id = :configId";

    static AccountRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AccountRow(
                rs.getLong("id"),
                rs.getLong("config_id"),
                rs.getString("waba_id"),
                rs.getString("business_id"),
                rs.getString("access_token"),
                rs.getString("refresh_token"),
                rs.getObject("token_expires_at", OffsetDateTime.class),
                rs.getObject("last_verified_at", OffsetDateTime.class),
                rs.getString("token_type"),
                rs.getString("token_scopes"),
                rs.getString("standing_status"),
                rs.getString("standing_event"),
                rs.getString("standing_detail"),
                rs.getObject("standing_since", OffsetDateTime.class),
                rs.getObject("subscribed_at", OffsetDateTime.class));
    }

    /** Binds each column's value under its component's name ({@code :wabaId}). */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement
                .bind("id", id)
                .bind("configId", configId)
                .bind("wabaId", wabaId)
                .bind("businessId", businessId)
                .bind("accessToken", accessToken)
                .bind("refreshToken", refreshToken)
                .bind("tokenExpiresAt", tokenExpiresAt)
                .bind("lastVerifiedAt", lastVerifiedAt)
                .bind("tokenType", tokenType)
                .bind("tokenScopes", tokenScopes)
                .bind("standingStatus", standingStatus)
                .bind("standingEvent", standingEvent)
                .bind("standingDetail", standingDetail)
                .bind("standingSince", standingSince)
                .bind("subscribedAt", subscribedAt);
    }

    /** The row of {@code account} in configuration {@code configId}; {@code id} 0 when it has none yet. */
    static AccountRow of(Account account, long id, long configId, TenantConfigRow.Encryption secrets) {
        return new AccountRow(
                id,
                configId,
                text(account.ids().wabaId()),
                text(account.ids().businessId()),
                secrets.encrypt("access_token", account.token().accessToken()),
                secrets.encrypt("refresh_token", account.token().refreshToken()),
                timestamp(account.token().expiresAt()),
                timestamp(account.token().lastVerifiedAt()),
                account.tokenType(),
                account.scopes().isEmpty() ? null : String.join(",", account.scopes()),
                account.standing().status().name(),
                account.standing().event(),
                account.standing().detail(),
                timestamp(account.standing().since()),
                timestamp(account.subscribedAt()));
    }

    /** The scopes {@code token_scopes} holds: none when it is {@code NULL} or blank. */
    Set<String> scopes() {
        if (tokenScopes == null || tokenScopes.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(tokenScopes.split(","))
                .map(String::strip)
                .filter(scope -> !scope.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    MetaId waba() {
        return parse(wabaId, MetaId::parse);
    }

    /** The account this row holds. */
    Account toAccount(TenantConfigRow.Decryption secrets) {
        return new Account(
                new WhatsAppAccount(waba(), parse(businessId, MetaId::parse)),
                new TokenGrant(
                        secrets.decrypt("access_token", accessToken),
                        secrets.decrypt("refresh_token", refreshToken),
                        instant(tokenExpiresAt),
                        instant(lastVerifiedAt)),
                tokenType,
                scopes(),
                new AccountStanding(
                        AccountStanding.Status.valueOf(standingStatus),
                        standingEvent,
                        standingDetail,
                        instant(standingSince)),
                instant(subscribedAt));
    }
}
