package io.tenantconfig.application.port.out;

import io.tenantconfig.application.port.in.CredentialField;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the loader needs of a tenant's configuration and no more: whether it is in service, whether
 * its onboarding is completed, its numbers (the default first) and each credential it holds.
 * Memory keeps one for every tenant the loader has answered for, 100,000 and more in a 256 MB heap,
 * so it is a third of the size of the configuration it comes from (README, "Performance"): plain
 * strings in two arrays, no value objects.
 */
public final class StoredCredentials {

    private static final CredentialField[] FIELDS = CredentialField.values();

    private final boolean inService;
    private final boolean onboardingCompleted;
    /** The ids of the numbers, the default one first. */
    private final String[] numbers;
    /** By {@link CredentialField#ordinal()}; the phone number's place is unused. */
    private final String[] values;

    private StoredCredentials(boolean inService, boolean onboardingCompleted, String[] numbers, String[] values) {
        this.inService = inService;
        this.onboardingCompleted = onboardingCompleted;
        this.numbers = numbers;
        this.values = values;
    }

    public static StoredCredentials of(TenantConfig config) {
        PhoneNumbers phones = config.phoneNumbers();
        String[] numbers = Stream.concat(
                        phones.defaultNumber().stream(),
                        phones.all().stream().filter(number -> !phones.isDefault(number.id())))
                .map(number -> number.id().value())
                .toArray(String[]::new);
        String[] values = new String[FIELDS.length];
        for (CredentialField field : FIELDS) {
            values[field.ordinal()] = stored(config, field);
        }
        return new StoredCredentials(config.inService(), config.onboarding().isCompleted(), numbers, values);
    }

    private static String stored(TenantConfig config, CredentialField field) {
        return switch (field) {
            case PHONE_NUMBER_ID -> null;
            case ACCESS_TOKEN -> reveal(config.token().accessToken());
            case VERIFY_TOKEN -> text(config.callbacks().verifyToken());
            case CALLBACK_URL -> text(config.callbacks().callbackUrl());
            case FB_APP_ID -> text(config.app().appId());
            case FB_APP_SECRET -> reveal(config.app().appSecret());
            case WABA_ID -> text(config.account().wabaId());
            case REDIRECT_URL -> text(config.callbacks().redirectUrl());
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String reveal(Secret secret) {
        return secret == null ? null : secret.reveal();
    }

    /** Active, and its account in good standing: the loader serves it. */
    public boolean inService() {
        return inService;
    }

    public boolean onboardingCompleted() {
        return onboardingCompleted;
    }

    /** The default number's id, if the configuration has numbers. */
    public Optional<String> defaultNumber() {
        return numbers.length == 0 ? Optional.empty() : Optional.of(numbers[0]);
    }

    /** Whether {@code phoneNumberId} is one of the configuration's numbers (in use or not). */
    public boolean hasNumber(String phoneNumberId) {
        for (String number : numbers) {
            if (number.equals(phoneNumberId)) {
                return true;
            }
        }
        return false;
    }

    /** The configuration's own value of {@code field}, or null; {@code phone_number_id} is the caller's choice of number. */
    public String value(CredentialField field) {
        if (field == CredentialField.PHONE_NUMBER_ID) {
            throw new IllegalArgumentException("the phone number is chosen with defaultNumber() or hasNumber()");
        }
        return values[field.ordinal()];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredCredentials that
                && inService == that.inService
                && onboardingCompleted == that.onboardingCompleted
                && Arrays.equals(numbers, that.numbers)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inService, onboardingCompleted, Arrays.hashCode(numbers), Arrays.hashCode(values));
    }

    /** Names no value: secrets are among them. */
    @Override
    public String toString() {
        return "StoredCredentials[inService=" + inService + ", numbers=" + numbers.length + "]";
    }
}
