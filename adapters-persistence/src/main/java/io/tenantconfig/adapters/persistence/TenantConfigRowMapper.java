package io.tenantconfig.adapters.persistence;

import io.tenantconfig.domain.ConfigField;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WebUrl;
import io.tenantconfig.domain.port.SecretCipher;
import io.tenantconfig.domain.port.SecretUnreadableException;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Rebuilds a {@link TenantConfig} from a row of {@code tenant_configs}, column by column, decrypting its secrets. */
final class TenantConfigRowMapper implements RowMapper<TenantConfig> {

    private final SecretCipher cipher;
    private final boolean skipUnreadableSecrets;

    /**
     * @param skipUnreadableSecrets leave a secret that does not decrypt out instead of failing: only
     *     for rows being deleted, so that a damaged configuration can still be removed
     */
    TenantConfigRowMapper(SecretCipher cipher, boolean skipUnreadableSecrets) {
        this.cipher = cipher;
        this.skipUnreadableSecrets = skipUnreadableSecrets;
    }

    @Override
    public TenantConfig map(ResultSet rs, StatementContext ctx) throws SQLException {
        String tenant = rs.getString("tenant_id");
        return TenantConfig.restore()
                .id(rs.getLong("id"))
                .tenantId(TenantId.of(tenant))
                .userId(rs.getString("user_id"))
                .wabaId(MetaId.parse(ConfigField.WABA_ID, rs.getString("waba_id")))
                .phoneNumberId(MetaId.parse(ConfigField.PHONE_NUMBER_ID, rs.getString("phone_number_id")))
                .businessId(Columns.nullable(rs, "business_id", v -> MetaId.parse(ConfigField.BUSINESS_ID, v)))
                .displayPhoneNumber(rs.getString("display_phone_number"))
                .accessToken(secret(rs, "access_token", ConfigField.ACCESS_TOKEN, tenant))
                .fbAppId(Columns.nullable(rs, "fb_app_id", v -> MetaId.parse(ConfigField.FB_APP_ID, v)))
                .fbAppSecret(secret(rs, "fb_app_secret", ConfigField.FB_APP_SECRET, tenant))
                .refreshToken(secret(rs, "refresh_token", ConfigField.REFRESH_TOKEN, tenant))
                .registrationPin(secret(rs, "registration_pin", ConfigField.REGISTRATION_PIN, tenant))
                .callbackUrl(Columns.nullable(rs, "callback_url", v -> WebUrl.parse(ConfigField.CALLBACK_URL, v)))
                .redirectUrl(Columns.nullable(rs, "redirect_url", v -> WebUrl.parse(ConfigField.REDIRECT_URL, v)))
                .verifyToken(Columns.nullable(rs, "verify_token", VerifyToken::parse))
                .tokenExpiresAt(Columns.instant(rs, "token_expires_at"))
                .active(rs.getBoolean("is_active"))
                .onboardingCompleted(rs.getBoolean("onboarding_completed"))
                .onboardedAt(Columns.instant(rs, "onboarded_at"))
                .onboardingStatus(OnboardingStatus.valueOf(rs.getString("onboarding_status")))
                .lastVerifiedAt(Columns.instant(rs, "last_verified_at"))
                .createdAt(Columns.instant(rs, "created_at"))
                .updatedAt(Columns.instant(rs, "updated_at"))
                .version(rs.getInt("version"))
                .build();
    }

    private Secret secret(ResultSet rs, String column, ConfigField field, String tenant) throws SQLException {
        try {
            return Columns.nullable(rs, column,
                    stored -> Secret.of(field, cipher.decrypt(stored, Columns.location(column, tenant))));
        } catch (SecretUnreadableException e) {
            if (skipUnreadableSecrets) {
                return null;
            }
            throw e;
        }
    }
}
