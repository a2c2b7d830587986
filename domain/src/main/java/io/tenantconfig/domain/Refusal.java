package io.tenantconfig.domain;

import java.util.Objects;

/**
 * A change the rules refuse, with what it means for the caller: nothing was changed. The detail
 * says what to do instead; it names phone numbers and WhatsApp Business Accounts of the tenant's
 * own, never another tenant's.
 */
public record Refusal(Reason reason, String detail) implements Outcome {

    public enum Reason {
        /** The number (or WhatsApp Business Account) belongs to another tenant. */
        TAKEN_BY_ANOTHER_TENANT,
        /** The tenant has this number already. */
        ALREADY_ADDED,
        /** The tenant has no such number. */
        UNKNOWN_NUMBER,
        /** The default number cannot go while other numbers remain: make another one the default first. */
        DEFAULT_NUMBER_NEEDED,
        /** The tenant has as many numbers as it may. */
        TOO_MANY_NUMBERS,
        /** The change would leave the tenant's numbers in a WhatsApp Business Account it no longer has. */
        NUMBERS_IN_ANOTHER_ACCOUNT,
        /** A setting that needs another one which is missing (a display number without a number). */
        INCOMPLETE,
        /** The tenant has no such WhatsApp Business Account. */
        UNKNOWN_ACCOUNT,
        /** The tenant has this WhatsApp Business Account already. */
        ACCOUNT_ALREADY_ADDED,
        /** The tenant has as many WhatsApp Business Accounts as it may. */
        TOO_MANY_ACCOUNTS,
        /** The tenant has several WhatsApp Business Accounts, and the request does not say which one it means. */
        ACCOUNT_NEEDED,
        /** The number is not verified yet, so it cannot be put in use: its code has to be entered first. */
        NUMBER_NOT_VERIFIED,
        /**
         * The number is registered for the Cloud API already (or is a WhatsApp Business app's, whose
         * app holds its registration): there is nothing to verify.
         */
        NUMBER_REGISTERED
    }

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
