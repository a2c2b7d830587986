package io.tenantconfig.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One tenant's WhatsApp Business credentials and settings: the aggregate. Immutable; every rule
 * that changes it returns a new instance, which the repository stores against the version this
 * one was read at.
 *
 * <p>Made in two ways only: {@link #create} for a configuration that does not exist yet, and
 * {@link #restore()} for one read back from storage.
 */
public final class TenantConfig {

    public static final int MAX_USER_ID_LENGTH = 255;

    private final Long id;
    private final TenantId tenantId;
    private final String userId;
    private final MetaId wabaId;
    private final MetaId phoneNumberId;
    private final MetaId businessId;
    private final String displayPhoneNumber;
    private final Secret accessToken;
    private final MetaId fbAppId;
    private final Secret fbAppSecret;
    private final Secret refreshToken;
    private final Secret registrationPin;
    private final WebUrl callbackUrl;
    private final WebUrl redirectUrl;
    private final VerifyToken verifyToken;
    private final Instant tokenExpiresAt;
    private final boolean active;
    private final boolean onboardingCompleted;
    private final Instant onboardedAt;
    private final OnboardingStatus onboardingStatus;
    private final Instant lastVerifiedAt;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final int version;

    private TenantConfig(Builder b) {
        this.id = b.id;
        this.tenantId = Objects.requireNonNull(b.tenantId, "tenantId");
        this.userId = checkUserId(b.userId);
        this.wabaId = Objects.requireNonNull(b.wabaId, "wabaId");
        this.phoneNumberId = Objects.requireNonNull(b.phoneNumberId, "phoneNumberId");
        this.businessId = b.businessId;
        this.displayPhoneNumber = b.displayPhoneNumber;
        this.accessToken = b.accessToken;
        this.fbAppId = b.fbAppId;
        this.fbAppSecret = b.fbAppSecret;
        this.refreshToken = b.refreshToken;
        this.registrationPin = b.registrationPin;
        this.callbackUrl = b.callbackUrl;
        this.redirectUrl = b.redirectUrl;
        this.verifyToken = b.verifyToken;
        this.tokenExpiresAt = b.tokenExpiresAt;
        this.active = b.active;
        this.onboardingCompleted = b.onboardingCompleted;
        this.onboardedAt = b.onboardedAt;
        this.onboardingStatus = Objects.requireNonNull(b.onboardingStatus, "onboardingStatus");
        this.lastVerifiedAt = b.lastVerifiedAt;
        this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(b.updatedAt, "updatedAt");
        if (b.version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        this.version = b.version;
    }

    /**
     * A configuration a tenant sets up by hand. It needs the WhatsApp Business Account and the
     * phone number it is for; every other field may come later, or from the fallback environment.
     * A new configuration is active and not onboarded.
     *
     * @throws InvalidTenantConfigException naming every missing or invalid field
     */
    public static TenantConfig create(TenantId tenantId, String userId, TenantConfigChanges initial, Clock clock) {
        Violations violations = new Violations();
        requirePresent(violations, ConfigField.WABA_ID, initial.wabaId());
        requirePresent(violations, ConfigField.PHONE_NUMBER_ID, initial.phoneNumberId());
        violations.check(() -> checkUserId(userId));
        violations.throwIfAny();

        Instant now = clock.instant();
        Builder blank = new Builder()
                .tenantId(tenantId)
                .userId(userId)
                .active(true)
                .onboardingStatus(OnboardingStatus.NOT_STARTED)
                .createdAt(now)
                .updatedAt(now)
                .version(0);
        return applyChanges(blank, initial).build();
    }

    /** Rebuilds a configuration exactly as it was stored. */
    public static Builder restore() {
        return new Builder();
    }

    /**
     * Applies a partial update: fields not mentioned keep their values. The WhatsApp Business
     * Account and phone number can be replaced but not removed. A new access token makes what was
     * known about the old one (its expiry, when it was last verified) meaningless, so those are
     * forgotten unless the update gives a new expiry itself.
     *
     * @throws InvalidTenantConfigException naming every field the update may not clear
     */
    public TenantConfig update(TenantConfigChanges changes, Clock clock) {
        Violations violations = new Violations();
        refuseClearing(violations, ConfigField.WABA_ID, changes.wabaId());
        refuseClearing(violations, ConfigField.PHONE_NUMBER_ID, changes.phoneNumberId());
        violations.throwIfAny();

        Builder next = applyChanges(toBuilder(), changes);
        if (changes.accessToken().isGiven() && !Objects.equals(changes.accessToken().applyTo(null), accessToken)) {
            next.lastVerifiedAt(null);
            if (!changes.tokenExpiresAt().isGiven()) {
                next.tokenExpiresAt(null);
            }
        }
        return next.updatedAt(clock.instant()).build();
    }

    /** Puts the configuration back in use: the loader serves its credentials again. */
    public ActivationResult activate(Clock clock) {
        if (active) {
            return new ActivationResult.AlreadyInState(this);
        }
        return new ActivationResult.Switched(toBuilder().active(true).updatedAt(clock.instant()).build());
    }

    /** Takes the configuration out of use without deleting it: the loader treats it as absent. */
    public ActivationResult deactivate(Clock clock) {
        if (!active) {
            return new ActivationResult.AlreadyInState(this);
        }
        return new ActivationResult.Switched(toBuilder().active(false).updatedAt(clock.instant()).build());
    }

    /**
     * A tenant's first Embedded Signup: the configuration starts from what the signup gave, with
     * the token just obtained. Stored at once, before any later step runs, so it is never lost.
     */
    public static TenantConfig onboard(TenantId tenantId, String userId, SignupAccount account, AccessGrant grant,
            Clock clock) {
        Instant now = clock.instant();
        return new Builder()
                .tenantId(tenantId)
                .active(true)
                .createdAt(now)
                .version(0)
                .apply(account)
                .apply(userId, grant, now)
                .build();
    }

    /**
     * Embedded Signup again for a tenant that has a configuration (re-authorization): the account
     * and token from the new signup replace the old ones; everything else is kept.
     */
    public TenantConfig reauthorize(String userId, SignupAccount account, AccessGrant grant, Clock clock) {
        return toBuilder().apply(account).apply(userId, grant, clock.instant()).build();
    }

    /** Meta confirmed the token: when it expires ({@code null}: never) and that it was checked now. */
    public TenantConfig tokenVerified(Instant expiresAt, Clock clock) {
        Instant now = clock.instant();
        return toBuilder().tokenExpiresAt(expiresAt).lastVerifiedAt(now).updatedAt(now).build();
    }

    /** Records an onboarding step that succeeded. */
    public TenantConfig onboardingReached(OnboardingStatus step, Clock clock) {
        if (step == OnboardingStatus.COMPLETED || step == OnboardingStatus.NOT_STARTED
                || step == OnboardingStatus.FAILED || step == OnboardingStatus.REAUTHORIZATION_REQUIRED) {
            throw new IllegalArgumentException(step + " is not an onboarding step");
        }
        return toBuilder().onboardingStatus(step).updatedAt(clock.instant()).build();
    }

    /** The PIN chosen for registering the phone number, stored before Meta is asked to use it. */
    public TenantConfig withRegistrationPin(Secret pin, Clock clock) {
        return toBuilder().registrationPin(pin).updatedAt(clock.instant()).build();
    }

    /** Every step succeeded. */
    public TenantConfig onboardingCompleted(Clock clock) {
        Instant now = clock.instant();
        return toBuilder().onboardingStatus(OnboardingStatus.COMPLETED).onboardingCompleted(true)
                .onboardedAt(now).updatedAt(now).build();
    }

    /** Meta refused the stored token: nothing more can be done with it until the tenant signs up again. */
    public TenantConfig reauthorizationRequired(Clock clock) {
        return toBuilder().onboardingStatus(OnboardingStatus.REAUTHORIZATION_REQUIRED).onboardingCompleted(false)
                .updatedAt(clock.instant()).build();
    }

    private static Builder applyChanges(Builder b, TenantConfigChanges c) {
        return b.wabaId(c.wabaId().applyTo(b.wabaId))
                .phoneNumberId(c.phoneNumberId().applyTo(b.phoneNumberId))
                .businessId(c.businessId().applyTo(b.businessId))
                .displayPhoneNumber(c.displayPhoneNumber().applyTo(b.displayPhoneNumber))
                .accessToken(c.accessToken().applyTo(b.accessToken))
                .fbAppId(c.fbAppId().applyTo(b.fbAppId))
                .fbAppSecret(c.fbAppSecret().applyTo(b.fbAppSecret))
                .refreshToken(c.refreshToken().applyTo(b.refreshToken))
                .callbackUrl(c.callbackUrl().applyTo(b.callbackUrl))
                .redirectUrl(c.redirectUrl().applyTo(b.redirectUrl))
                .verifyToken(c.verifyToken().applyTo(b.verifyToken))
                .tokenExpiresAt(c.tokenExpiresAt().applyTo(b.tokenExpiresAt))
                .active(c.active().clears() ? b.active : c.active().applyTo(b.active));
    }

    private static void requirePresent(Violations violations, ConfigField field, Change<?> change) {
        if (!change.isGiven() || change.clears()) {
            violations.add(field, field.fieldName() + " is required");
        }
    }

    private static void refuseClearing(Violations violations, ConfigField field, Change<?> change) {
        if (change.clears()) {
            violations.add(field, field.fieldName() + " cannot be removed, only replaced");
        }
    }

    private static String checkUserId(String userId) {
        if (userId != null && (userId.isBlank() || userId.length() > MAX_USER_ID_LENGTH)) {
            throw new InvalidValueException(ConfigField.USER_ID,
                    "user_id must be 1 to " + MAX_USER_ID_LENGTH + " characters");
        }
        return userId;
    }

    private Builder toBuilder() {
        return new Builder()
                .id(id)
                .tenantId(tenantId)
                .userId(userId)
                .wabaId(wabaId)
                .phoneNumberId(phoneNumberId)
                .businessId(businessId)
                .displayPhoneNumber(displayPhoneNumber)
                .accessToken(accessToken)
                .fbAppId(fbAppId)
                .fbAppSecret(fbAppSecret)
                .refreshToken(refreshToken)
                .registrationPin(registrationPin)
                .callbackUrl(callbackUrl)
                .redirectUrl(redirectUrl)
                .verifyToken(verifyToken)
                .tokenExpiresAt(tokenExpiresAt)
                .active(active)
                .onboardingCompleted(onboardingCompleted)
                .onboardedAt(onboardedAt)
                .onboardingStatus(onboardingStatus)
                .lastVerifiedAt(lastVerifiedAt)
                .createdAt(createdAt)
                .updatedAt(updatedAt)
                .version(version);
    }

    /**
     * The names of the fields that differ between two versions of a configuration (for the audit
     * trail: names only, never values). {@code before} may be null: every field that is set.
     */
    public static Set<String> changedFields(TenantConfig before, TenantConfig after) {
        Set<String> changed = new TreeSet<>();
        for (Map.Entry<String, Function<TenantConfig, Object>> field : FIELDS.entrySet()) {
            Object now = after == null ? null : field.getValue().apply(after);
            Object was = before == null ? null : field.getValue().apply(before);
            if (!Objects.equals(was, now)) {
                changed.add(field.getKey());
            }
        }
        return changed;
    }

    private static final Map<String, Function<TenantConfig, Object>> FIELDS = fields();

    private static Map<String, Function<TenantConfig, Object>> fields() {
        Map<String, Function<TenantConfig, Object>> fields = new LinkedHashMap<>();
        fields.put("user_id", TenantConfig::userId);
        fields.put("waba_id", TenantConfig::wabaId);
        fields.put("phone_number_id", TenantConfig::phoneNumberId);
        fields.put("business_id", TenantConfig::businessId);
        fields.put("display_phone_number", TenantConfig::displayPhoneNumber);
        fields.put("access_token", TenantConfig::accessToken);
        fields.put("fb_app_id", TenantConfig::fbAppId);
        fields.put("fb_app_secret", TenantConfig::fbAppSecret);
        fields.put("refresh_token", TenantConfig::refreshToken);
        fields.put("registration_pin", TenantConfig::registrationPin);
        fields.put("callback_url", TenantConfig::callbackUrl);
        fields.put("redirect_url", TenantConfig::redirectUrl);
        fields.put("verify_token", TenantConfig::verifyToken);
        fields.put("token_expires_at", TenantConfig::tokenExpiresAt);
        fields.put("is_active", c -> c.active);
        fields.put("onboarding_completed", c -> c.onboardingCompleted);
        fields.put("onboarded_at", TenantConfig::onboardedAt);
        fields.put("onboarding_status", TenantConfig::onboardingStatus);
        fields.put("last_verified_at", TenantConfig::lastVerifiedAt);
        return fields;
    }

    /** The database id; empty until the configuration has been stored. */
    public OptionalLong id() {
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public String userId() {
        return userId;
    }

    public MetaId wabaId() {
        return wabaId;
    }

    public MetaId phoneNumberId() {
        return phoneNumberId;
    }

    public MetaId businessId() {
        return businessId;
    }

    public String displayPhoneNumber() {
        return displayPhoneNumber;
    }

    public Secret accessToken() {
        return accessToken;
    }

    public MetaId fbAppId() {
        return fbAppId;
    }

    public Secret fbAppSecret() {
        return fbAppSecret;
    }

    public Secret refreshToken() {
        return refreshToken;
    }

    /** The 6-digit PIN the phone number was registered with (two-step verification). */
    public Secret registrationPin() {
        return registrationPin;
    }

    public WebUrl callbackUrl() {
        return callbackUrl;
    }

    public WebUrl redirectUrl() {
        return redirectUrl;
    }

    public VerifyToken verifyToken() {
        return verifyToken;
    }

    /** When the access token stops working; {@code null} when it does not expire or nobody knows. */
    public Instant tokenExpiresAt() {
        return tokenExpiresAt;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isOnboardingCompleted() {
        return onboardingCompleted;
    }

    public Instant onboardedAt() {
        return onboardedAt;
    }

    public OnboardingStatus onboardingStatus() {
        return onboardingStatus;
    }

    public Instant lastVerifiedAt() {
        return lastVerifiedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The version this configuration was read at; 0 before it is first stored. */
    public int version() {
        return version;
    }

    @Override
    public String toString() {
        // Secrets print as masks (see Secret#toString), so this is safe to log.
        return "TenantConfig[id=" + id + ", tenantId=" + tenantId + ", wabaId=" + wabaId
                + ", phoneNumberId=" + phoneNumberId + ", active=" + active
                + ", onboardingStatus=" + onboardingStatus + ", version=" + version + "]";
    }

    /** Field by field construction of a configuration as it was stored. */
    public static final class Builder {
        private Long id;
        private TenantId tenantId;
        private String userId;
        private MetaId wabaId;
        private MetaId phoneNumberId;
        private MetaId businessId;
        private String displayPhoneNumber;
        private Secret accessToken;
        private MetaId fbAppId;
        private Secret fbAppSecret;
        private Secret refreshToken;
        private Secret registrationPin;
        private WebUrl callbackUrl;
        private WebUrl redirectUrl;
        private VerifyToken verifyToken;
        private Instant tokenExpiresAt;
        private boolean active;
        private boolean onboardingCompleted;
        private Instant onboardedAt;
        private OnboardingStatus onboardingStatus;
        private Instant lastVerifiedAt;
        private Instant createdAt;
        private Instant updatedAt;
        private int version;

        private Builder() {
        }

        public Builder id(Long id) {
            this.id = id;
            return this;
        }

        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder wabaId(MetaId wabaId) {
            this.wabaId = wabaId;
            return this;
        }

        public Builder phoneNumberId(MetaId phoneNumberId) {
            this.phoneNumberId = phoneNumberId;
            return this;
        }

        public Builder businessId(MetaId businessId) {
            this.businessId = businessId;
            return this;
        }

        public Builder displayPhoneNumber(String displayPhoneNumber) {
            this.displayPhoneNumber = displayPhoneNumber;
            return this;
        }

        public Builder accessToken(Secret accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        public Builder fbAppId(MetaId fbAppId) {
            this.fbAppId = fbAppId;
            return this;
        }

        public Builder fbAppSecret(Secret fbAppSecret) {
            this.fbAppSecret = fbAppSecret;
            return this;
        }

        public Builder refreshToken(Secret refreshToken) {
            this.refreshToken = refreshToken;
            return this;
        }

        public Builder registrationPin(Secret registrationPin) {
            this.registrationPin = registrationPin;
            return this;
        }

        public Builder callbackUrl(WebUrl callbackUrl) {
            this.callbackUrl = callbackUrl;
            return this;
        }

        public Builder redirectUrl(WebUrl redirectUrl) {
            this.redirectUrl = redirectUrl;
            return this;
        }

        public Builder verifyToken(VerifyToken verifyToken) {
            this.verifyToken = verifyToken;
            return this;
        }

        public Builder tokenExpiresAt(Instant tokenExpiresAt) {
            this.tokenExpiresAt = tokenExpiresAt;
            return this;
        }

        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        public Builder onboardingCompleted(boolean onboardingCompleted) {
            this.onboardingCompleted = onboardingCompleted;
            return this;
        }

        public Builder onboardedAt(Instant onboardedAt) {
            this.onboardedAt = onboardedAt;
            return this;
        }

        public Builder onboardingStatus(OnboardingStatus onboardingStatus) {
            this.onboardingStatus = onboardingStatus;
            return this;
        }

        public Builder lastVerifiedAt(Instant lastVerifiedAt) {
            this.lastVerifiedAt = lastVerifiedAt;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder version(int version) {
            this.version = version;
            return this;
        }

        private Builder apply(SignupAccount account) {
            if (!account.phoneNumberId().equals(this.phoneNumberId)) {
                // A PIN belongs to a phone number: a different number is registered with a new one.
                this.registrationPin = null;
            }
            this.wabaId = account.wabaId();
            this.phoneNumberId = account.phoneNumberId();
            if (account.businessId() != null) {
                this.businessId = account.businessId();
            }
            if (account.redirectUrl() != null) {
                this.redirectUrl = account.redirectUrl();
            }
            return this;
        }

        /** A new token from a signup: a new onboarding run starts, and nothing known about the old token holds. */
        private Builder apply(String userId, AccessGrant grant, Instant now) {
            this.userId = checkUserId(userId);
            this.accessToken = grant.token();
            this.tokenExpiresAt = grant.expiresAt();
            this.lastVerifiedAt = null;
            this.onboardingStatus = OnboardingStatus.TOKEN_EXCHANGED;
            this.onboardingCompleted = false;
            this.updatedAt = now;
            return this;
        }

        public TenantConfig build() {
            return new TenantConfig(this);
        }
    }
}
