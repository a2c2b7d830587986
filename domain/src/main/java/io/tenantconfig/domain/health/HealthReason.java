package io.tenantconfig.domain.health;

import io.tenantconfig.domain.MetaId;
import java.util.Objects;

/**
 * One thing a check found: a stable code for programs ({@code TOKEN_EXPIRED}), which implies its
 * state, a sentence a tenant can act on, and the WhatsApp Business Account it is about
 * ({@code null}: the tenant as a whole, or its one account without an id). Never holds a token.
 */
public record HealthReason(Code code, String message, MetaId wabaId) {

    /** How a message names its account when the tenant has several. */
    static final String ACCOUNT_PREFIX = "WhatsApp Business Account ";

    /** What a check can find, each with the state it implies; the names are the codes the API shows. */
    public enum Code {
        TOKEN_EXPIRED(HealthState.INVALID),
        TOKEN_PASSWORD_CHANGED(HealthState.INVALID),
        APP_REMOVED(HealthState.INVALID),
        TOKEN_INVALID(HealthState.INVALID),
        APP_MISMATCH(HealthState.APP_MISMATCH),
        PERMISSION_MISSING(HealthState.PERMISSION_MISSING),
        ACCOUNT_NOT_GRANTED(HealthState.PERMISSION_MISSING),
        NUMBER_NOT_IN_ACCOUNT(HealthState.NUMBER_PROBLEM),
        NUMBER_NOT_CONNECTED(HealthState.NUMBER_PROBLEM),
        NUMBER_QUALITY_RED(HealthState.NUMBER_PROBLEM),
        NUMBER_BLOCKED(HealthState.NUMBER_PROBLEM),
        NUMBER_LIMITED(HealthState.NUMBER_PROBLEM),
        NUMBER_NAME_DECLINED(HealthState.NUMBER_PROBLEM),
        NO_PHONE_NUMBER(HealthState.NUMBER_PROBLEM),
        TOKEN_EXPIRING(HealthState.EXPIRING),
        DATA_ACCESS_EXPIRING(HealthState.EXPIRING),
        TOKEN_REFRESH_FAILED(HealthState.EXPIRING),
        NO_TOKEN(HealthState.UNKNOWN),
        /** The codes of the account's standing, as Meta's lifecycle webhooks last told it. */
        ACCOUNT_RESTRICTED(HealthState.RESTRICTED, true),
        ACCOUNT_DISCONNECTED(HealthState.DISABLED, true),
        ACCOUNT_DISABLED(HealthState.DISABLED, true),
        ACCOUNT_DELETED(HealthState.DISABLED, true);

        private final HealthState state;
        private final boolean fromStanding;

        Code(HealthState state) {
            this(state, false);
        }

        Code(HealthState state, boolean fromStanding) {
            this.state = state;
            this.fromStanding = fromStanding;
        }

        public HealthState state() {
            return state;
        }

        /** Whether the reason comes from the account's standing rather than from a check. */
        public boolean fromStanding() {
            return fromStanding;
        }
    }

    public HealthReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** A reason about the tenant as a whole (or about its one account without an id). */
    public HealthReason(Code code, String message) {
        this(code, message, null);
    }

    /**
     * This reason about the account {@code id}; when {@code named} (the tenant has several
     * accounts) its message starts with the account's id, else it stays as it is.
     */
    public HealthReason about(MetaId id, boolean named) {
        return new HealthReason(code, named && id != null ? ACCOUNT_PREFIX + id + ": " + message : message, id);
    }

    /** The state this reason implies. */
    public HealthState state() {
        return code.state();
    }
}
