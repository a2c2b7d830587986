package io.tenantconfig.domain.profile;

import io.tenantconfig.domain.InvalidValueException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tenant changes in a number's business profile: each field it gives ({@code null}: left
 * as Meta has it), each within Meta's limits, checked when it is read (each {@code parse} method
 * below), so Meta is never sent what it would refuse. The limits are Meta's Business Profiles
 * reference's (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/business-profiles):
 * about 1 to 139 characters, address at most 256, description at most 512, email at most 128 and
 * an email address, at most 2 websites, each at most 256 characters with {@code http://} or
 * {@code https://}, and one of Meta's verticals.
 */
public record ProfileChange(
        String about,
        String address,
        String description,
        String email,
        List<String> websites,
        BusinessVertical vertical) {

    public static final int ABOUT_MOST = 139;
    public static final int ADDRESS_MOST = 256;
    public static final int DESCRIPTION_MOST = 512;
    public static final int EMAIL_MOST = 128;
    public static final int WEBSITES_MOST = 2;
    public static final int WEBSITE_MOST = 256;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s/?#]+\\.[^\\s]*", Pattern.CASE_INSENSITIVE);

    public ProfileChange {
        websites = websites == null ? null : List.copyOf(websites);
    }

    /** The data-model names of the fields it sets (what the audit trail names), in Meta's order. */
    public Set<String> fields() {
        Set<String> given = new LinkedHashSet<>();
        if (about != null) given.add("about");
        if (address != null) given.add("address");
        if (description != null) given.add("description");
        if (email != null) given.add("email");
        if (websites != null) given.add("websites");
        if (vertical != null) given.add("vertical");
        return given;
    }

    public boolean isEmpty() {
        return fields().isEmpty();
    }

    /** @throws InvalidValueException unless 1 to 139 characters (Meta: "cannot be empty") */
    public static String about(String value) {
        return text(value, 1, ABOUT_MOST);
    }

    public static String address(String value) {
        return text(value, 0, ADDRESS_MOST);
    }

    public static String description(String value) {
        return text(value, 0, DESCRIPTION_MOST);
    }

    /** @throws InvalidValueException unless empty or an email address of at most 128 characters */
    public static String email(String value) {
        text(value, 0, EMAIL_MOST);
        if (!value.isEmpty() && !EMAIL.matcher(value).matches()) {
            throw new InvalidValueException("must be an email address, e.g. \"hello@example.com\"");
        }
        return value;
    }

    /** @throws InvalidValueException unless an http:// or https:// address of at most 256 characters */
    public static String website(String value) {
        if (value == null
                || value.length() > WEBSITE_MOST
                || !WEBSITE.matcher(value).matches()) {
            throw new InvalidValueException(
                    "must be an address starting with http:// or https:// of at most " + WEBSITE_MOST + " characters");
        }
        return value;
    }

    private static String text(String value, int least, int most) {
        if (value == null) {
            throw new InvalidValueException("must be a string");
        }
        int length = value.codePointCount(0, value.length());
        if (length < least || length > most) {
            throw new InvalidValueException(
                    least > 0
                            ? "must be " + least + " to " + most + " characters"
                            : "must be at most " + most + " characters");
        }
        return value;
    }
}
