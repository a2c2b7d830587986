package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.CredentialField;
import io.tenantconfig.application.port.in.ResolvedCredentials;
import io.tenantconfig.application.port.in.ResolvedValue;
import io.tenantconfig.application.port.in.ValueSource;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.CredentialFallback;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The loader's rules: an active configuration's value when it has one, otherwise the first
 * fallback variable that is set, otherwise nothing. Reads go through the store, which serves them
 * from memory, so a resolution normally touches no database.
 */
final class ConfigLoaderService implements ConfigLoader {

    private final ConfigStore store;
    private final CredentialFallback fallback;
    private final ResolutionCounter counter;

    ConfigLoaderService(ConfigStore store, CredentialFallback fallback, ResolutionCounter counter) {
        this.store = store;
        this.fallback = fallback;
        this.counter = counter;
    }

    @Override
    public ResolvedCredentials resolve(TenantId tenantId) {
        Optional<TenantConfig> active = store.load(tenantId).filter(TenantConfig::active);
        Map<CredentialField, ResolvedValue> values = new EnumMap<>(CredentialField.class);
        for (CredentialField field : CredentialField.values()) {
            ResolvedValue value =
                    resolve(field, active.map(config -> stored(config, field)).orElse(null));
            counter.count(value.source());
            values.put(field, value);
        }
        return new ResolvedCredentials(
                tenantId,
                active.isPresent(),
                active.map(config -> config.onboarding().isCompleted()).orElse(false),
                values);
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
            case PHONE_NUMBER_ID -> text(config.phoneNumber().id());
            case ACCESS_TOKEN -> reveal(config.token().accessToken());
            case VERIFY_TOKEN -> text(config.webhook().verifyToken());
            case CALLBACK_URL -> text(config.webhook().callbackUrl());
            case FB_APP_ID -> text(config.app().appId());
            case FB_APP_SECRET -> reveal(config.app().appSecret());
            case WABA_ID -> text(config.account().wabaId());
            case REDIRECT_URL -> text(config.webhook().redirectUrl());
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String reveal(Secret secret) {
        return secret == null ? null : secret.reveal();
    }
}
