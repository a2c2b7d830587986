package io.tenantconfig.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What Meta last said about the tenant's WhatsApp Business Account through its lifecycle
 * webhooks: in good standing, restricted (it still sends, within limits), or taken out of
 * service (the platform's app uninstalled or the partner removed, the account disabled for a
 * policy violation, or deleted). Kept apart from {@code is_active}, which is the tenant's and the
 * admins' own switch: a configuration is served only when both allow it, and Meta's all-clear
 * never overrides a person's decision to switch it off.
 *
 * @param event Meta's name for what happened ({@code PARTNER_APP_UNINSTALLED}, {@code DISABLED_UPDATE})
 * @param detail what Meta added, in words (a ban's state and date, a restriction's type)
 * @param since when the webhook saying so arrived
 */
public record AccountStanding(Status status, String event, String detail, Instant since) {

    public enum Status {
        /** Nothing reported against the account. */
        GOOD(true),
        /** Meta limits the account (a restriction, a violation, a ban scheduled): it still sends. */
        RESTRICTED(true),
        /** The platform's app was uninstalled, the partner removed or the account offboarded: reconnect to resume. */
        DISCONNECTED(false),
        /** Meta disabled the account (banned it). */
        DISABLED(false),
        /** The account was deleted. */
        DELETED(false);

        private final boolean serving;

        Status(boolean serving) {
            this.serving = serving;
        }

        /** Whether the account can still be used to send messages. */
        public boolean serving() {
            return serving;
        }
    }

    /** Its field by its data-model name (what audit events name). */
    static final Map<String, Function<AccountStanding, Object>> FIELDS =
            Map.of("account_standing", standing -> standing);

    /** Nothing heard from Meta against the account. */
    public static final AccountStanding GOOD = new AccountStanding(Status.GOOD, null, null, null);

    public AccountStanding {
        Objects.requireNonNull(status, "status");
        if (status != Status.GOOD && (event == null || since == null)) {
            throw new IllegalArgumentException("a standing other than GOOD names Meta's event and when it came");
        }
    }

    /** Whether the account can still be used to send messages. */
    public boolean serving() {
        return status.serving();
    }
}
