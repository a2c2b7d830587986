package io.tenantconfig.domain;

/**
 * How many phone numbers and WhatsApp Business Accounts one tenant may have, as the service is
 * configured ({@code PHONE_NUMBERS_PER_TENANT}, {@code ACCOUNTS_PER_TENANT}); never more than
 * {@link PhoneNumbers#MOST} and {@link Accounts#MOST}.
 */
public record Limits(int phoneNumbers, int accounts) {

    public Limits {
        if (phoneNumbers < 1 || phoneNumbers > PhoneNumbers.MOST) {
            throw new IllegalArgumentException("a tenant may have 1 to " + PhoneNumbers.MOST + " phone numbers");
        }
        if (accounts < 1 || accounts > Accounts.MOST) {
            throw new IllegalArgumentException(
                    "a tenant may have 1 to " + Accounts.MOST + " WhatsApp Business Accounts");
        }
    }
}
