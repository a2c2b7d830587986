package io.tenantconfig.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number to create in a WhatsApp Business Account (Meta's {@code POST /{waba_id}/phone_numbers}):
 * its country calling code, the number within the country, and the business name to show for it.
 * Together the two parts are an E.164 number: at most 15 digits.
 */
public record NewPhoneNumber(String countryCode, String number, VerifiedName verifiedName) {

    private static final Pattern COUNTRY_CODE = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{4,14}");
    private static final int MOST_DIGITS = 15;

    public NewPhoneNumber {
        Objects.requireNonNull(verifiedName, "verifiedName");
        countryCode = countryCode(countryCode);
        number = number(number);
        if (countryCode.length() + number.length() > MOST_DIGITS) {
            throw new InvalidValueException("country_code and phone_number together are at most 15 digits (E.164)");
        }
    }

    /** @throws InvalidValueException unless 1 to 3 digits, the first not 0 (a leading {@code +} is allowed) */
    public static String countryCode(String value) {
        String digits = value == null ? null : value.strip().replaceFirst("^\\+", "");
        if (digits == null || !COUNTRY_CODE.matcher(digits).matches()) {
            throw new InvalidValueException("must be a country calling code: 1 to 3 digits, e.g. \"1\" or \"44\"");
        }
        return digits;
    }

    /** @throws InvalidValueException unless 4 to 14 digits; spaces, dashes, dots and brackets between them are dropped */
    public static String number(String value) {
        String digits = value == null ? null : value.replaceAll("[ .()\\-]", "");
        if (digits == null || !NUMBER.matcher(digits).matches()) {
            throw new InvalidValueException(
                    "must be the number without its country code: 4 to 14 digits, e.g. \"5550100\"");
        }
        return digits;
    }

    /** How Meta shows it, e.g. {@code +1 5550100}. */
    public DisplayPhoneNumber displayNumber() {
        return DisplayPhoneNumber.parse("+" + countryCode + " " + number);
    }
}
