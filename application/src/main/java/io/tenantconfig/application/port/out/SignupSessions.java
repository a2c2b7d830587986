package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where signup sessions are kept, and what is read back of them: newest first. */
public interface SignupSessions {

    /**
     * Keeps one session; its id is given by the store. A session that did not finish also takes
     * Meta's installs of the accounts it requested that nobody took (kept as unroutable changes:
     * they arrived before the signup's failure was recorded), received at or after
     * {@code installsSince}, only those signed for its tenant or by the platform's app: they leave
     * the unroutable changes, in the same transaction.
     */
    void record(SignupSession session, Instant installsSince);

    /** The tenant's newest sessions, newest first. */
    List<Stored> ofTenant(TenantId tenantId, int limit);

    /** A page of every tenant's sessions the filter lets through, newest first, after the session {@code after}. */
    Page list(Filter filter, Optional<Long> after, int limit);

    /** The sessions that ended at or after {@code since}, by outcome. */
    Counts countSince(Instant since);

    /**
     * A stored session and its id (the order sessions were recorded in), with the installs Meta
     * reported for the accounts it named (see {@link ConfigStore.Transaction#attachToSignup}),
     * oldest first.
     */
    record Stored(long id, SignupSession session, List<MetaInstall> metaInstalls) {
        public Stored {
            Objects.requireNonNull(session, "session");
            metaInstalls = List.copyOf(metaInstalls);
        }

        /** A session Meta reported no install for. */
        public Stored(long id, SignupSession session) {
            this(id, session, List.of());
        }
    }

    /** Any of: one outcome, ended at or after a moment, one tenant's. */
    record Filter(Optional<SignupOutcome.Kind> outcome, Optional<Instant> since, Optional<TenantId> tenantId) {
        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty(), Optional.empty());

        public Filter {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(tenantId, "tenantId");
        }
    }

    /** One page; {@code next} the id to pass as {@code after} for the following page, empty on the last. */
    record Page(List<Stored> sessions, Optional<Long> next) {
        public Page {
            sessions = List.copyOf(sessions);
        }
    }

    record Counts(long finished, long cancelled, long failed) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }
}
