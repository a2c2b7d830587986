package io.tenantconfig.adapters.persistence;

import io.tenantconfig.domain.Actor;
import io.tenantconfig.domain.AuditAction;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.DeleteOutcome;
import io.tenantconfig.domain.port.ExpectedVersion;
import io.tenantconfig.domain.port.SaveOutcome;
import io.tenantconfig.domain.port.SecretCipher;
import io.tenantconfig.domain.port.TenantConfigPage;
import io.tenantconfig.domain.port.TenantConfigRepository;
import io.tenantconfig.domain.port.TenantConfigStatistics;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** Tenant configurations in the PostgreSQL table {@code tenant_configs} (see migrations.xml). */
public final class JdbiTenantConfigRepository implements TenantConfigRepository {

    private static final String COLUMNS = """
            id, tenant_id, user_id, waba_id, phone_number_id, business_id, display_phone_number,
            access_token, fb_app_id, fb_app_secret, refresh_token, registration_pin, callback_url,
            redirect_url, verify_token, token_expires_at, is_active, onboarding_completed, onboarded_at,
            onboarding_status, last_verified_at, created_at, updated_at, version""";

    private static final String FIND_BY_TENANT =
            "SELECT " + COLUMNS + " FROM tenant_configs WHERE tenant_id = :tenantId";

    private static final String INSERT = """
            INSERT INTO tenant_configs (
                tenant_id, user_id, waba_id, phone_number_id, business_id, display_phone_number,
                access_token, fb_app_id, fb_app_secret, refresh_token, registration_pin, callback_url,
                redirect_url, verify_token, token_expires_at, is_active, onboarding_completed, onboarded_at,
                onboarding_status, last_verified_at, created_at, updated_at, version)
            VALUES (
                :tenantId, :userId, :wabaId, :phoneNumberId, :businessId, :displayPhoneNumber,
                :accessToken, :fbAppId, :fbAppSecret, :refreshToken, :registrationPin, :callbackUrl,
                :redirectUrl, :verifyToken, :tokenExpiresAt, :active, :onboardingCompleted, :onboardedAt,
                :onboardingStatus, :lastVerifiedAt, :createdAt, :updatedAt, 1)
            ON CONFLICT (tenant_id) DO NOTHING
            RETURNING\s""" + COLUMNS;

    /** The version check is part of the statement: a stale writer updates no row. */
    private static final String UPDATE_AT_VERSION = """
            UPDATE tenant_configs SET
                user_id = :userId, waba_id = :wabaId, phone_number_id = :phoneNumberId,
                business_id = :businessId, display_phone_number = :displayPhoneNumber,
                access_token = :accessToken, fb_app_id = :fbAppId, fb_app_secret = :fbAppSecret,
                refresh_token = :refreshToken, registration_pin = :registrationPin,
                callback_url = :callbackUrl, redirect_url = :redirectUrl,
                verify_token = :verifyToken, token_expires_at = :tokenExpiresAt, is_active = :active,
                onboarding_completed = :onboardingCompleted, onboarded_at = :onboardedAt,
                onboarding_status = :onboardingStatus, last_verified_at = :lastVerifiedAt,
                updated_at = :updatedAt, version = version + 1
            WHERE tenant_id = :tenantId AND version = :version
            RETURNING\s""" + COLUMNS;

    private static final String DELETE = "DELETE FROM tenant_configs WHERE tenant_id = :tenantId RETURNING " + COLUMNS;

    private static final String DELETE_AT_VERSION =
            "DELETE FROM tenant_configs WHERE tenant_id = :tenantId AND version = :version RETURNING " + COLUMNS;

    private static final String CURRENT_VERSION = "SELECT version FROM tenant_configs WHERE tenant_id = :tenantId";

    private static final String DELETE_ALL = "DELETE FROM tenant_configs";

    private static final String COUNT = "SELECT count(*) FROM tenant_configs";

    private static final String PAGE =
            "SELECT " + COLUMNS + " FROM tenant_configs ORDER BY id LIMIT :limit OFFSET :skip";

    private static final String STATISTICS = """
            SELECT count(*)                                         AS total,
                   count(*) FILTER (WHERE is_active)                AS active,
                   count(*) FILTER (WHERE NOT is_active)            AS inactive,
                   count(*) FILTER (WHERE onboarding_completed)     AS onboarded,
                   count(*) FILTER (WHERE NOT onboarding_completed) AS pending_onboarding
            FROM tenant_configs""";

    private final Jdbi jdbi;
    private final SecretCipher cipher;
    private final TenantConfigRowMapper rowMapper;
    private final TenantConfigRowMapper deletedRowMapper;
    private final Actor actor;
    private final AuditAction deleteAction;

    /** @param cipher encrypts every secret column before it reaches the database */
    public JdbiTenantConfigRepository(Jdbi jdbi, SecretCipher cipher) {
        this(jdbi, cipher, Actor.SYSTEM, AuditAction.DELETE);
    }

    private JdbiTenantConfigRepository(Jdbi jdbi, SecretCipher cipher, Actor actor, AuditAction deleteAction) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.actor = actor;
        this.deleteAction = deleteAction;
        this.rowMapper = new TenantConfigRowMapper(cipher, false);
        this.deletedRowMapper = new TenantConfigRowMapper(cipher, true);
        // Statement exceptions would otherwise quote the bound arguments, tokens included, into
        // every log line that prints them.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    @Override
    public TenantConfigRepository onBehalfOf(Actor actor) {
        return new JdbiTenantConfigRepository(jdbi, cipher, actor, AuditAction.DELETE);
    }

    @Override
    public TenantConfigRepository onBehalfOf(Actor actor, AuditAction deleteAction) {
        return new JdbiTenantConfigRepository(jdbi, cipher, actor, deleteAction);
    }

    @Override
    public Optional<TenantConfig> findByTenant(TenantId tenantId) {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery(FIND_BY_TENANT)
                .bind("tenantId", tenantId.value())
                .map(rowMapper)
                .findOne()));
    }

    @Override
    public SaveOutcome insert(TenantConfig config) {
        return Availability.available(() -> jdbi.inTransaction(handle -> {
            Optional<TenantConfig> saved = bindFields(handle.createQuery(INSERT), config).map(rowMapper).findOne();
            if (saved.isEmpty()) {
                return new SaveOutcome.AlreadyExists(config.tenantId());
            }
            notifyChanged(handle, config.tenantId().value());
            JdbiAuditTrail.record(handle, actor, config.tenantId(), AuditAction.ofChange(null, saved.get()),
                    TenantConfig.changedFields(null, saved.get()));
            return new SaveOutcome.Saved(saved.get());
        }));
    }

    @Override
    public SaveOutcome update(TenantConfig changed) {
        return Availability.available(() -> jdbi.inTransaction(handle -> {
            Optional<TenantConfig> before = handle.createQuery(FIND_BY_TENANT + " FOR UPDATE")
                    .bind("tenantId", changed.tenantId().value())
                    .map(rowMapper)
                    .findOne();
            Optional<TenantConfig> saved = bindFields(handle.createQuery(UPDATE_AT_VERSION), changed)
                    .bind("version", changed.version())
                    .map(rowMapper)
                    .findOne();
            if (saved.isPresent()) {
                notifyChanged(handle, changed.tenantId().value());
                JdbiAuditTrail.record(handle, actor, changed.tenantId(),
                        AuditAction.ofChange(before.orElse(null), saved.get()),
                        TenantConfig.changedFields(before.orElse(null), saved.get()));
                return new SaveOutcome.Saved(saved.get());
            }
            // The row is locked since it was read: what was read says why nothing was updated.
            return before.<SaveOutcome>map(row -> new SaveOutcome.VersionConflict(changed.tenantId(), row.version()))
                    .orElseGet(() -> new SaveOutcome.NotFound(changed.tenantId()));
        }));
    }

    @Override
    public DeleteOutcome delete(TenantId tenantId, ExpectedVersion expected) {
        OptionalInt version = expected.value();
        return Availability.available(() -> jdbi.inTransaction(handle -> {
            Optional<TenantConfig> deleted = (version.isPresent()
                            ? handle.createQuery(DELETE_AT_VERSION).bind("version", version.getAsInt())
                            : handle.createQuery(DELETE))
                    .bind("tenantId", tenantId.value())
                    .map(deletedRowMapper)
                    .findOne();
            if (deleted.isPresent()) {
                notifyChanged(handle, tenantId.value());
                JdbiAuditTrail.record(handle, actor, tenantId, deleteAction, List.of());
                return new DeleteOutcome.Deleted(deleted.get());
            }
            return (DeleteOutcome) refusal(handle, tenantId);
        }));
    }

    /** Why a guarded write touched no row: the config is gone, or someone else wrote first. */
    private static SaveOutcome refusal(Handle handle, TenantId tenantId) {
        return handle.createQuery(CURRENT_VERSION)
                .bind("tenantId", tenantId.value())
                .mapTo(Integer.class)
                .findOne()
                .<SaveOutcome>map(current -> new SaveOutcome.VersionConflict(tenantId, current))
                .orElseGet(() -> new SaveOutcome.NotFound(tenantId));
    }

    @Override
    public long deleteAll() {
        return Availability.available(() -> jdbi.inTransaction(handle -> {
            long deleted = handle.createUpdate(DELETE_ALL).execute();
            notifyChanged(handle, ConfigChanges.ALL_TENANTS);
            JdbiAuditTrail.record(handle, actor, null, AuditAction.DELETE_ALL, List.of());
            return deleted;
        }));
    }

    /**
     * Tells every instance's cache that a tenant's configuration changed. Sent inside the writing
     * transaction: PostgreSQL delivers it when (and only if) the change commits.
     */
    private static void notifyChanged(Handle handle, String tenant) {
        handle.createQuery("SELECT pg_notify(:channel, :tenant)")
                .bind("channel", ConfigChanges.CHANNEL)
                .bind("tenant", tenant)
                .mapToMap()
                .list();
    }

    @Override
    public TenantConfigPage page(long skip, int limit) {
        // One snapshot for both statements, so the total matches the page.
        return Availability.available(() -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            long total = handle.createQuery(COUNT).mapTo(Long.class).one();
            List<TenantConfig> configs = handle.createQuery(PAGE)
                    .bind("limit", limit)
                    .bind("skip", skip)
                    .map(rowMapper)
                    .list();
            return new TenantConfigPage(total, configs);
        }));
    }

    @Override
    public TenantConfigStatistics statistics() {
        return Availability.available(() -> jdbi.withHandle(handle -> handle.createQuery(STATISTICS)
                .map((rs, ctx) -> new TenantConfigStatistics(
                        rs.getLong("total"),
                        rs.getLong("active"),
                        rs.getLong("inactive"),
                        rs.getLong("onboarded"),
                        rs.getLong("pending_onboarding")))
                .one()));
    }

    private String encrypted(TenantConfig config, String column, Secret secret) {
        return secret == null ? null : cipher.encrypt(secret.reveal(), Columns.location(column, config.tenantId().value()));
    }

    private <S extends SqlStatement<S>> S bindFields(S statement, TenantConfig config) {
        return statement
                .bind("tenantId", config.tenantId().value())
                .bind("userId", config.userId())
                .bind("wabaId", config.wabaId().value())
                .bind("phoneNumberId", config.phoneNumberId().value())
                .bind("businessId", Columns.text(config.businessId()))
                .bind("displayPhoneNumber", config.displayPhoneNumber())
                .bind("accessToken", encrypted(config, "access_token", config.accessToken()))
                .bind("fbAppId", Columns.text(config.fbAppId()))
                .bind("fbAppSecret", encrypted(config, "fb_app_secret", config.fbAppSecret()))
                .bind("refreshToken", encrypted(config, "refresh_token", config.refreshToken()))
                .bind("registrationPin", encrypted(config, "registration_pin", config.registrationPin()))
                .bind("callbackUrl", Columns.text(config.callbackUrl()))
                .bind("redirectUrl", Columns.text(config.redirectUrl()))
                .bind("verifyToken", Columns.text(config.verifyToken()))
                .bindByType("tokenExpiresAt", Columns.timestamp(config.tokenExpiresAt()), OffsetDateTime.class)
                .bind("active", config.isActive())
                .bind("onboardingCompleted", config.isOnboardingCompleted())
                .bindByType("onboardedAt", Columns.timestamp(config.onboardedAt()), OffsetDateTime.class)
                .bind("onboardingStatus", config.onboardingStatus().name())
                .bindByType("lastVerifiedAt", Columns.timestamp(config.lastVerifiedAt()), OffsetDateTime.class)
                .bindByType("createdAt", Columns.timestamp(config.createdAt()), OffsetDateTime.class)
                .bindByType("updatedAt", Columns.timestamp(config.updatedAt()), OffsetDateTime.class);
    }
}
