package io.tenantconfig.domain;

/** Test data: how many numbers and accounts a tenant may have, as the service may be configured. */
public final class TestLimits {

    /** As many numbers and accounts as any tenant may ever have. */
    public static final Limits MOST = new Limits(PhoneNumbers.MOST, Accounts.MOST);

    private TestLimits() {}

    /** At most {@code phoneNumbers} numbers, and as many accounts as any tenant may have. */
    public static Limits numbers(int phoneNumbers) {
        return new Limits(phoneNumbers, Accounts.MOST);
    }

    /** At most {@code accounts} accounts, and as many numbers as any tenant may have. */
    public static Limits accounts(int accounts) {
        return new Limits(PhoneNumbers.MOST, accounts);
    }
}
