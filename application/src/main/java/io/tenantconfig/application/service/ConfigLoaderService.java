package io.tenantconfig.application.service;

import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.CredentialField;
import io.tenantconfig.application.port.in.ResolvedCredentials;
import io.tenantconfig.application.port.in.ResolvedValue;
import io.tenantconfig.application.port.in.ValueSource;
import io.tenantconfig.application.port.out.CredentialFallback;
import io.tenantconfig.application.port.out.LastKnownConfigs;
import io.tenantconfig.application.port.out.LastKnownConfigs.LastKnown;
import io.tenantconfig.application.port.out.NumberDirectory;
import io.tenantconfig.application.port.out.StoredCredentials;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The loader's rules: an active configuration's value when it has one, otherwise the first
 * fallback variable that is set, otherwise nothing; the phone number is the default one unless
 * the caller names one of the tenant's. Reads go through the last known configurations and the
 * number directory, which serve them from memory, so a resolution normally touches no database;
 * while the database cannot be reached the answer is the last known one, marked stale.
 */
final class ConfigLoaderService implements ConfigLoader {

    private final LastKnownConfigs configs;
    private final CredentialFallback fallback;
    private final NumberDirectory directory;
    private final ResolutionCounter counter;

    ConfigLoaderService(
            LastKnownConfigs configs,
            CredentialFallback fallback,
            NumberDirectory directory,
            ResolutionCounter counter) {
        this.configs = configs;
        this.fallback = fallback;
        this.directory = directory;
        this.counter = counter;
    }

    @Override
    public ResolvedCredentials resolve(TenantId tenantId) {
        LastKnown known = configs.lastKnown(tenantId);
        Optional<StoredCredentials> active = known.credentials().filter(StoredCredentials::inService);
        return resolve(
                tenantId,
                active,
                active.flatMap(StoredCredentials::defaultNumber).orElse(null),
                known.staleSince());
    }

    @Override
    public Optional<ResolvedCredentials> resolve(TenantId tenantId, MetaId phoneNumberId) {
        LastKnown known = configs.lastKnown(tenantId);
        Optional<StoredCredentials> serving =
                known.credentials().filter(credentials -> credentials.serves(phoneNumberId.value()));
        return serving.map(credentials -> resolve(tenantId, serving, phoneNumberId.value(), known.staleSince()));
    }

    @Override
    public Optional<ResolvedCredentials> resolveAccount(TenantId tenantId, MetaId wabaId) {
        LastKnown known = configs.lastKnown(tenantId);
        Optional<StoredCredentials> credentials = known.credentials();
        return credentials
                .flatMap(stored -> stored.servedNumberOfAccount(wabaId.value()))
                .map(number -> resolve(tenantId, credentials, number, known.staleSince()));
    }

    @Override
    public Optional<NumberOwner> ownerOfNumber(MetaId phoneNumberId) {
        return directory.ownerOfNumber(phoneNumberId);
    }

    @Override
    public Optional<NumberOwner> ownerOfAccount(MetaId wabaId) {
        return directory.ownerOfAccount(wabaId);
    }

    /** The answer for {@code number} of the active configuration, if any: each field from it or from the fallback. */
    private ResolvedCredentials resolve(
            TenantId tenantId, Optional<StoredCredentials> active, String number, Optional<Instant> staleSince) {
        Map<CredentialField, ResolvedValue> values = new EnumMap<>(CredentialField.class);
        StoredCredentials credentials = active.orElse(null);
        int place = credentials == null || number == null ? -1 : credentials.placeOf(number);
        for (CredentialField field : CredentialField.values()) {
            ResolvedValue value =
                    resolve(field, credentials == null ? null : stored(credentials, number, place, field));
            counter.count(value.source());
            values.put(field, value);
        }
        return new ResolvedCredentials(
                tenantId,
                active.isPresent(),
                active.map(StoredCredentials::onboardingCompleted).orElse(false),
                values,
                staleSince);
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

    /** The stored value of {@code field}: for the number at {@code place} (its account's token and id), else the primary account's. */
    private static String stored(StoredCredentials credentials, String number, int place, CredentialField field) {
        if (field == CredentialField.PHONE_NUMBER_ID) {
            return number;
        }
        return place < 0 ? credentials.value(field) : credentials.value(field, place);
    }
}
