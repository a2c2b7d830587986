package io.tenantconfig.application.service;

import io.tenantconfig.application.usecase.ConfigLoader;
import io.tenantconfig.application.usecase.CredentialField;
import io.tenantconfig.application.usecase.ResolvedCredentials;
import io.tenantconfig.application.usecase.ResolvedValue;
import io.tenantconfig.application.usecase.RevealCredentialsUseCase;
import io.tenantconfig.application.usecase.ValueSource;
import io.tenantconfig.domain.Actor;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.port.AuditTrail;
import io.tenantconfig.domain.port.CredentialFallback;
import io.tenantconfig.domain.port.TenantConfigRepository;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The loader's rules: an active configuration's value when it has one, otherwise the first
 * fallback variable that is set, otherwise nothing. Reads go through the repository, which the
 * service wires with a cache, so a resolution normally touches no database.
 */
public final class ConfigLoaderService implements ConfigLoader, RevealCredentialsUseCase {

    private final TenantConfigRepository repository;
    private final CredentialFallback fallback;
    private final ResolutionCounter counter;
    private final AuditTrail auditTrail;

    public ConfigLoaderService(TenantConfigRepository repository, CredentialFallback fallback, ResolutionCounter counter,
            AuditTrail auditTrail) {
        this.repository = repository;
        this.fallback = fallback;
        this.counter = counter;
        this.auditTrail = auditTrail;
    }

    @Override
    public ResolvedCredentials reveal(TenantId tenantId, Actor actor) {
        ResolvedCredentials credentials = resolve(tenantId);
        auditTrail.recordSecretsRead(tenantId, actor);
        return credentials;
    }

    @Override
    public ResolvedCredentials resolve(TenantId tenantId) {
        Optional<TenantConfig> active = repository.findByTenant(tenantId).filter(TenantConfig::isActive);
        Map<CredentialField, ResolvedValue> values = new EnumMap<>(CredentialField.class);
        for (CredentialField field : CredentialField.values()) {
            ResolvedValue value = resolve(field, active.map(config -> stored(config, field)).orElse(null));
            counter.count(value.source());
            values.put(field, value);
        }
        return new ResolvedCredentials(tenantId, active.isPresent(),
                active.map(TenantConfig::isOnboardingCompleted).orElse(false), values);
    }

    private ResolvedValue resolve(CredentialField field, String stored) {
        if (stored != null) {
            return new ResolvedValue(field, stored, ValueSource.DATABASE);
        }
        for (String variable : field.fallbackVariables()) {
            Optional<String> value = fallback.lookup(variable);
            if (value.isPresent()) {
                return new ResolvedValue(field, value.get(), ValueSource.ENVIRONMENT);
            }
        }
        return new ResolvedValue(field, null, ValueSource.NONE);
    }

    private static String stored(TenantConfig config, CredentialField field) {
        return switch (field) {
            case PHONE_NUMBER_ID -> text(config.phoneNumberId());
            case ACCESS_TOKEN -> reveal(config.accessToken());
            case VERIFY_TOKEN -> text(config.verifyToken());
            case CALLBACK_URL -> text(config.callbackUrl());
            case FB_APP_ID -> text(config.fbAppId());
            case FB_APP_SECRET -> reveal(config.fbAppSecret());
            case WABA_ID -> text(config.wabaId());
            case REDIRECT_URL -> text(config.redirectUrl());
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String reveal(Secret secret) {
        return secret == null ? null : secret.reveal();
    }
}
