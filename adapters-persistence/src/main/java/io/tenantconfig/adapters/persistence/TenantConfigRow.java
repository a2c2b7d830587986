package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.port.out.SecretUnreadableException;
import io.tenantconfig.domain.Accounts;
import io.tenantconfig.domain.AppCredentials;
import io.tenantconfig.domain.CallbackSettings;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Onboarding;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.UserId;
import io.tenantconfig.domain.VerifyToken;
import io.tenantconfig.domain.WebUrl;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row of {@code tenant_configs} as the database holds it: secrets encrypted, timestamps with
 * their offset. Its components are the table's columns (in snake_case), so the column list of
 * every statement is written here once; {@link #of} and {@link #toConfig} map it to the domain.
 * {@code onboarding_completed} is written for the readers of the table (a constraint keeps it
 * equal to what the status says) and never read back: the domain derives it.
 */
record TenantConfigRow(
        long id,
        String tenantId,
        String userId,
        String fbAppId,
        @Encrypted String fbAppSecret,
        String callbackUrl,
        String verifyToken,
        String redirectUrl,
        String onboardingStatus,
        OffsetDateTime onboardedAt,
        String onboardingWabaId,
        String onboardingPhoneNumberId,
        boolean onboardingCompleted,
        boolean isActive,
        String webhookKey,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int version) {

    /** A column holding a secret: stored encrypted, bound to its tenant and column. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface Encrypted {}

    static final String TABLE = "tenant_configs";
    private static final List<RecordComponent> COMPONENTS = List.of(TenantConfigRow.class.getRecordComponents());
    /** The columns never bound from a row: the id (from its sequence) and the version (1, then +1 per write). */
    private static final Set<String> SET_BY_DATABASE = Set.of("id", "version", "webhook_key");
    /** The columns a change never rewrites. */
    private static final Set<String> FIXED = Set.of("id", "tenant_id", "created_at", "version", "webhook_key");

    private static final Constructor<TenantConfigRow> CANONICAL = canonicalConstructor();
    /** The Java type each column is read as, in column order. */
    private static final Class<?>[] TYPES =
            COMPONENTS.stream().map(c -> boxed(c.getType())).toArray(Class<?>[]::new);

    static final String COLUMNS =
            COMPONENTS.stream().map(c -> column(c.getName())).collect(Collectors.joining(", "));
    static final List<String> SECRET_COLUMNS = COMPONENTS.stream()
            .filter(c -> c.isAnnotationPresent(Encrypted.class))
            .map(c -> column(c.getName()))
            .toList();

    static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE;

    static final String INSERT = "INSERT INTO " + TABLE + " (" + list(c -> column(c), SET_BY_DATABASE) + ", version)"
            + " VALUES (" + list(c -> ":" + c, SET_BY_DATABASE) + ", 1)"
            + " ON CONFLICT (tenant_id) DO NOTHING RETURNING " + COLUMNS;

    /** Guarded by the version the row was locked at: a write that did not lock it updates nothing. */
    static final String UPDATE = "UPDATE " + TABLE + " SET " + list(c -> column(c) + " = :" + c, FIXED)
            + ", version = version + 1 WHERE id = :id AND version = :version RETURNING " + COLUMNS;

    /** Reads the row a statement selected {@link #COLUMNS} of, column by column in their order. */
    static TenantConfigRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        Object[] values = new Object[TYPES.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getObject(i + 1, TYPES[i]);
        }
        try {
            return CANONICAL.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a row of " + TABLE, e);
        }
    }

    /** Binds every column's value under its component's name ({@code :tokenExpiresAt}). */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        for (RecordComponent component : COMPONENTS) {
            try {
                statement.bindByType(
                        component.getName(), component.getAccessor().invoke(this), component.getType());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the column " + component.getName(), e);
            }
        }
        return statement;
    }

    static TenantConfigRow of(TenantConfig c, Encryption secrets) {
        return new TenantConfigRow(
                c.id(),
                c.tenantId().value(),
                text(c.onboarding().user()),
                text(c.app().appId()),
                secrets.encrypt("fb_app_secret", c.app().appSecret()),
                text(c.callbacks().callbackUrl()),
                text(c.callbacks().verifyToken()),
                text(c.callbacks().redirectUrl()),
                c.onboarding().status().name(),
                timestamp(c.onboarding().onboardedAt()),
                text(c.onboarding().wabaId()),
                text(c.onboarding().phoneNumberId()),
                c.onboarding().isCompleted(),
                c.active(),
                null,
                timestamp(c.createdAt()),
                timestamp(c.updatedAt()),
                c.version());
    }

    /**
     * How this row's secrets, and its numbers', are read.
     *
     * @param skipUnreadableSecrets leave a secret that does not decrypt out instead of failing: only
     *     for rows being deleted, so that a damaged configuration can still be removed
     */
    Decryption decryption(SecretCipher cipher, boolean skipUnreadableSecrets) {
        return new Decryption(cipher, tenantId, skipUnreadableSecrets);
    }

    /**
     * The configuration this row holds, with its accounts and phone numbers (stored in tables of their own).
     *
     * @throws SecretUnreadableException when a secret does not decrypt (and is not skipped)
     */
    TenantConfig toConfig(Accounts accounts, PhoneNumbers numbers, Decryption secrets) {
        return new TenantConfig(
                id,
                TenantId.of(tenantId),
                accounts,
                numbers,
                new AppCredentials(parse(fbAppId, MetaId::parse), secrets.decrypt("fb_app_secret", fbAppSecret)),
                new CallbackSettings(
                        parse(callbackUrl, WebUrl::parse),
                        parse(verifyToken, VerifyToken::parse),
                        parse(redirectUrl, WebUrl::parse)),
                onboarding(accounts, numbers),
                isActive,
                instant(createdAt),
                instant(updatedAt),
                version);
    }

    /**
     * The onboarding this row records, read the way changeSet 21 repaired the rows before it, for
     * one written so since (by hand, or by an instance of the previous version during a rolling
     * deploy): a completion without its time counts as completed at the row's last change, the
     * latest it can have been; a run in progress without the number, its account or that account's token has
     * ended, and needs a new signup. So no row the database accepts fails to load. A row without
     * {@code onboarding_waba_id} (the previous version did not write it) works on its number's
     * account, as that version did.
     */
    private Onboarding onboarding(Accounts accounts, PhoneNumbers numbers) {
        OnboardingStatus status = OnboardingStatus.valueOf(onboardingStatus);
        MetaId number = parse(onboardingPhoneNumberId, MetaId::parse);
        MetaId account = onboardingWabaId != null
                ? parse(onboardingWabaId, MetaId::parse)
                : number == null
                        ? null
                        : numbers.find(number).map(PhoneNumber::wabaId).orElse(null);
        boolean registersNothing = status == OnboardingStatus.PHONE_REGISTERED && number == null;
        if (status.isResumable() && (registersNothing || !Onboarding.runnable(accounts, numbers, account, number))) {
            status = OnboardingStatus.REAUTHORIZATION_REQUIRED;
        }
        Instant completedAt = status == OnboardingStatus.COMPLETED && onboardedAt == null
                ? updatedAt.toInstant()
                : instant(onboardedAt);
        return Onboarding.of(status, parse(userId, UserId::of), account, number, completedAt);
    }

    /**
     * Where a secret is stored, bound into its ciphertext: {@code tenant_configs.fb_app_secret/acme}.
     * The tokens of every account ({@link AccountRow}) and the PINs of every number
     * ({@link PhoneNumberRow}) keep the locations they had while they were columns of this table
     * ({@code tenant_configs.access_token/acme}), so that their ciphertexts moved unchanged.
     */
    static String location(String column, String tenantId) {
        return TABLE + "." + column + "/" + tenantId;
    }

    /** Encrypts the secrets of one tenant's rows, each bound to where it is stored. */
    record Encryption(SecretCipher cipher, String tenantId) {
        String encrypt(String column, Secret secret) {
            return secret == null ? null : cipher.encrypt(secret.reveal(), location(column, tenantId));
        }
    }

    /** Decrypts the secrets of one tenant's rows; a row being deleted may skip one that does not decrypt. */
    record Decryption(SecretCipher cipher, String tenantId, boolean skipUnreadable) {
        Secret decrypt(String column, String stored) {
            if (stored == null) {
                return null;
            }
            try {
                return Secret.of(cipher.decrypt(stored, location(column, tenantId)));
            } catch (SecretUnreadableException e) {
                if (skipUnreadable) {
                    return null;
                }
                throw e;
            }
        }
    }

    private static String list(Function<String, String> format, Set<String> except) {
        return COMPONENTS.stream()
                .map(RecordComponent::getName)
                .filter(name -> !except.contains(column(name)))
                .map(format)
                .collect(Collectors.joining(", "));
    }

    /** {@code tokenExpiresAt} is stored in {@code token_expires_at}. */
    private static String column(String component) {
        return component.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    private static Constructor<TenantConfigRow> canonicalConstructor() {
        try {
            return TenantConfigRow.class.getDeclaredConstructor(
                    COMPONENTS.stream().map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == long.class) {
            return Long.class;
        }
        if (type == int.class) {
            return Integer.class;
        }
        return type == boolean.class ? Boolean.class : type;
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static <T> T parse(String value, Function<String, T> parse) {
        return value == null ? null : parse.apply(value);
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
