package io.tenantconfig.application.port.out;

import io.tenantconfig.application.port.in.CredentialField;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the loader needs of a tenant's configuration and no more: whether it is in service, whether
 * its onboarding is completed, its numbers (the default first) and each credential it holds.
 * Memory keeps one for every tenant the loader has answered for, 100,000 and more in a 256 MB heap,
 * so it is a third of the size of the configuration it comes from (README, "Performance"): plain
 * strings in arrays, no value objects. Each number resolves to its own account's token and id.
 */
public final class StoredCredentials {

    private static final CredentialField[] FIELDS = CredentialField.values();

    private final boolean inService;
    private final boolean active;
    private final boolean onboardingCompleted;
    /** The ids of the numbers that can send (verified), the default one first when it can. */
    private final String[] numbers;
    /** By {@link CredentialField#ordinal()}, the primary account's; the phone number's place is unused. */
    private final String[] values;
    /**
     * Three places per account: its waba id, its access token, and non-null when Meta lets it send;
     * {@code null} for a configuration of one account (or none), whose values are {@link #values}.
     */
    private final String[] accounts;
    /** For each number (in the order of {@link #numbers}), its account's place in {@link #accounts} divided by 3; {@code null} with them. */
    private final byte[] accountOfNumber;

    private StoredCredentials(
            boolean inService,
            boolean active,
            boolean onboardingCompleted,
            String[] numbers,
            String[] values,
            String[] accounts,
            byte[] accountOfNumber) {
        this.inService = inService;
        this.active = active;
        this.onboardingCompleted = onboardingCompleted;
        this.numbers = numbers;
        this.values = values;
        this.accounts = accounts;
        this.accountOfNumber = accountOfNumber;
    }

    public static StoredCredentials of(TenantConfig config) {
        PhoneNumbers phones = config.phoneNumbers();
        List<PhoneNumber> ordered = Stream.concat(
                        phones.defaultNumber().stream(),
                        phones.all().stream().filter(number -> !phones.isDefault(number.id())))
                // A number still to be verified cannot send: the loader never answers with it.
                .filter(number -> number.verification().verified())
                .toList();
        String[] numbers = ordered.stream().map(number -> number.id().value()).toArray(String[]::new);
        String[] values = new String[FIELDS.length];
        for (CredentialField field : FIELDS) {
            values[field.ordinal()] = stored(config, field);
        }
        List<Account> all = config.accounts().all();
        if (all.size() <= 1) {
            // Most tenants: one account, the primary, whose values are those above; nothing more to keep.
            return new StoredCredentials(
                    config.inService(),
                    config.active(),
                    config.onboarding().isCompleted(),
                    numbers,
                    values,
                    null,
                    null);
        }
        String[] accounts = new String[all.size() * 3];
        for (int i = 0; i < all.size(); i++) {
            Account account = all.get(i);
            accounts[i * 3] = text(account.wabaId());
            accounts[i * 3 + 1] = reveal(account.token().accessToken());
            accounts[i * 3 + 2] = account.serving() ? SERVING : null;
        }
        byte[] accountOfNumber = new byte[ordered.size()];
        for (int n = 0; n < ordered.size(); n++) {
            accountOfNumber[n] = (byte)
                    all.indexOf(config.accounts().find(ordered.get(n).wabaId()).orElseThrow());
        }
        return new StoredCredentials(
                config.inService(),
                config.active(),
                config.onboarding().isCompleted(),
                numbers,
                values,
                accounts,
                accountOfNumber);
    }

    private static final String SERVING = "serving";

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

    /** Active, and its primary account in good standing: the loader serves it when no number is named. */
    public boolean inService() {
        return inService;
    }

    public boolean onboardingCompleted() {
        return onboardingCompleted;
    }

    /** The default number's id, if the configuration has numbers; another one while the default is still to be verified. */
    public Optional<String> defaultNumber() {
        return numbers.length == 0 ? Optional.empty() : Optional.of(numbers[0]);
    }

    /** Whether {@code phoneNumberId} is one of the configuration's verified numbers (in use or not). */
    public boolean hasNumber(String phoneNumberId) {
        for (String number : numbers) {
            if (number.equals(phoneNumberId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the loader serves {@code phoneNumberId}: the configuration is switched on, the number
     * is one of its, and Meta has not taken the number's account out of service.
     */
    public boolean serves(String phoneNumberId) {
        int n = placeOf(phoneNumberId);
        if (accounts == null) {
            return n >= 0 && inService;
        }
        return active && n >= 0 && accounts[accountOfNumber[n] * 3 + 2] != null;
    }

    /**
     * The value of {@code field} for {@code phoneNumberId}, one of the configuration's numbers: the
     * access token and {@code waba_id} of the number's own account (null when that account has
     * none: never another account's, which does not reach the number), every other field as
     * {@link #value(CredentialField)} gives it.
     */
    public String value(CredentialField field, String phoneNumberId) {
        int n = placeOf(phoneNumberId);
        if (n < 0) {
            throw new IllegalArgumentException("not a number of this configuration");
        }
        return value(field, n);
    }

    /** As {@link #value(CredentialField, String)}, for the number at {@code place} ({@link #placeOf}). */
    public String value(CredentialField field, int place) {
        if (accounts == null) {
            return value(field);
        }
        int account = accountOfNumber[place];
        return switch (field) {
            case ACCESS_TOKEN -> accounts[account * 3 + 1];
            case WABA_ID -> accounts[account * 3];
            default -> value(field);
        };
    }

    /**
     * The first number of the account {@code wabaId} (the default when it holds it), when the
     * configuration is switched on, has that account and Meta lets it send; empty otherwise.
     */
    public Optional<String> servedNumberOfAccount(String wabaId) {
        if (accounts == null) {
            boolean ours = inService && numbers.length > 0 && wabaId.equals(values[CredentialField.WABA_ID.ordinal()]);
            return ours ? Optional.of(numbers[0]) : Optional.empty();
        }
        for (int n = 0; n < numbers.length; n++) {
            int account = accountOfNumber[n];
            if (wabaId.equals(accounts[account * 3]) && active && accounts[account * 3 + 2] != null) {
                return Optional.of(numbers[n]);
            }
        }
        return Optional.empty();
    }

    /** Where {@code phoneNumberId} is among the numbers (the default first); -1 when it is not one of them. */
    public int placeOf(String phoneNumberId) {
        for (int n = 0; n < numbers.length; n++) {
            if (numbers[n].equals(phoneNumberId)) {
                return n;
            }
        }
        return -1;
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
                && active == that.active
                && Arrays.equals(numbers, that.numbers)
                && Arrays.equals(values, that.values)
                && Arrays.equals(accounts, that.accounts)
                && Arrays.equals(accountOfNumber, that.accountOfNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                inService,
                onboardingCompleted,
                Arrays.hashCode(numbers),
                Arrays.hashCode(values),
                Arrays.hashCode(accounts));
    }

    /** Names no value: secrets are among them. */
    @Override
    public String toString() {
        return "StoredCredentials[inService=" + inService + ", numbers=" + numbers.length + "]";
    }
}
