package io.tenantconfig.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Meta's lifecycle webhooks mean for an account's {@link AccountStanding}. Each reads the
 * scalar values of the change (flattened: {@code ban_info.waba_ban_state},
 * {@code restriction_info.0.restriction_type}) and gives the standing that follows, or nothing
 * when the change does not concern the standing. Pure: the same change gives the same standing.
 */
public final class AccountEvents {

    /** Meta's field of account lifecycle changes. */
    public static final String ACCOUNT_UPDATE = "account_update";
    /** Meta's field of the account review's outcome. */
    public static final String ACCOUNT_REVIEW_UPDATE = "account_review_update";
    /** Meta's field of a number's display name review. */
    public static final String NAME_UPDATE = "phone_number_name_update";
    /** Meta's field of a number's quality rating and messaging limit. */
    public static final String QUALITY_UPDATE = "phone_number_quality_update";

    /** The fields handled here as well as delivered: each can change a tenant's standing, numbers or health. */
    public static final Set<String> LIFECYCLE_FIELDS =
            Set.of(ACCOUNT_UPDATE, ACCOUNT_REVIEW_UPDATE, NAME_UPDATE, QUALITY_UPDATE);

    private static final Set<String> DISCONNECTING = Set.of("PARTNER_APP_UNINSTALLED", "PARTNER_REMOVED", "OFFBOARDED");
    private static final Set<String> RECONNECTING = Set.of("PARTNER_APP_INSTALLED", "PARTNER_ADDED", "RECONNECTED");
    private static final String REVIEW = "ACCOUNT_REVIEW";
    private static final String SIGNUP_FINISHED = "PARTNER_APP_INSTALLED";
    /** How much of a value Meta sent is quoted in a detail. */
    private static final int MOST_SHOWN = 100;

    private AccountEvents() {}

    /**
     * The standing after a change of {@code field} with these values, received at {@code at};
     * empty when the change says nothing about it.
     */
    public static Optional<AccountStanding> standingAfter(
            AccountStanding current, String field, Map<String, String> values, Instant at) {
        if (ACCOUNT_REVIEW_UPDATE.equals(field)) {
            return review(current, values.get("decision"), at);
        }
        if (!ACCOUNT_UPDATE.equals(field)) {
            return Optional.empty();
        }
        String event = values.getOrDefault("event", "");
        if (DISCONNECTING.contains(event)) {
            return Optional.of(
                    new AccountStanding(AccountStanding.Status.DISCONNECTED, event, disconnection(event), at));
        }
        if ("ACCOUNT_DELETED".equals(event)) {
            return Optional.of(new AccountStanding(
                    AccountStanding.Status.DELETED, event, "Meta deleted the WhatsApp Business Account.", at));
        }
        if (RECONNECTING.contains(event)) {
            // Reinstalling the app lifts a disconnection, never a ban or a deletion.
            return current.status() == AccountStanding.Status.DISCONNECTED
                    ? Optional.of(AccountStanding.GOOD)
                    : Optional.empty();
        }
        return switch (event) {
            case "DISABLED_UPDATE" -> ban(values, at);
            case "ACCOUNT_RESTRICTION" ->
                Optional.of(new AccountStanding(
                        AccountStanding.Status.RESTRICTED,
                        event,
                        "Meta restricted the account"
                                + details(
                                        values, "restriction_info.0.restriction_type", "restriction_info.0.expiration")
                                + ".",
                        at));
            case "ACCOUNT_VIOLATION" ->
                Optional.of(new AccountStanding(
                        AccountStanding.Status.RESTRICTED,
                        event,
                        "Meta found a policy violation" + details(values, "violation_info.violation_type") + ".",
                        at));
            default -> Optional.empty();
        };
    }

    /**
     * Whether the change is Meta saying that a customer finished a signup at its end
     * ({@code account_update} {@code PARTNER_APP_INSTALLED}: the customer granted the platform's app
     * its account), whoever holds that account here.
     */
    public static boolean signupFinishedAtMeta(String field, Map<String, String> values) {
        return ACCOUNT_UPDATE.equals(field) && SIGNUP_FINISHED.equals(values.get("event"));
    }

    private static Optional<AccountStanding> ban(Map<String, String> values, Instant at) {
        String state = values.getOrDefault("ban_info.waba_ban_state", "");
        String date = values.get("ban_info.waba_ban_date");
        String on = date == null || date.length() > MOST_SHOWN ? "" : " on " + date;
        return switch (state) {
            case "DISABLE" ->
                Optional.of(new AccountStanding(
                        AccountStanding.Status.DISABLED,
                        "DISABLED_UPDATE",
                        "Meta disabled the WhatsApp Business Account" + on + ".",
                        at));
            case "SCHEDULE_FOR_DISABLE" ->
                Optional.of(new AccountStanding(
                        AccountStanding.Status.RESTRICTED,
                        "DISABLED_UPDATE",
                        "Meta will disable the WhatsApp Business Account" + on + " unless its policy issues are fixed.",
                        at));
            case "REINSTATE" -> Optional.of(AccountStanding.GOOD);
            default -> Optional.empty();
        };
    }

    private static Optional<AccountStanding> review(AccountStanding current, String decision, Instant at) {
        if ("REJECTED".equals(decision)) {
            return Optional.of(new AccountStanding(
                    AccountStanding.Status.RESTRICTED, REVIEW, "Meta rejected the account review.", at));
        }
        boolean restrictedByReview =
                current.status() == AccountStanding.Status.RESTRICTED && REVIEW.equals(current.event());
        return "APPROVED".equals(decision) && restrictedByReview ? Optional.of(AccountStanding.GOOD) : Optional.empty();
    }

    private static String disconnection(String event) {
        return switch (event) {
            case "PARTNER_APP_UNINSTALLED" -> "The platform's app was uninstalled from the WhatsApp Business Account.";
            case "PARTNER_REMOVED" ->
                "The business removed the platform as a partner of its WhatsApp Business Account.";
            default -> "The WhatsApp Business Account was offboarded from the platform.";
        };
    }

    private static String details(Map<String, String> values, String... keys) {
        StringBuilder text = new StringBuilder();
        for (String key : keys) {
            String value = values.get(key);
            if (value != null && !value.isBlank()) {
                String shown = value.length() > MOST_SHOWN ? value.substring(0, MOST_SHOWN) + "..." : value;
                text.append(text.length() == 0 ? " (" : ", ").append(shown);
            }
        }
        return text.length() == 0 ? "" : text.append(')').toString();
    }
}
