package io.tenantconfig.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The synchronisation of a WhatsApp Business app's data that Meta offers once the app's number is
 * onboarded alongside it (coexistence): the app's contacts first, then its message history. Each
 * is requested once and only within Meta's window, 24 hours from the signup. A request Meta does
 * not accept is tried again, at {@code nextAttemptAt}, until it is accepted or the window closes.
 *
 * @param windowEndsAt when Meta stops accepting the requests: 24 hours after the signup
 * @param nextAttemptAt when the next request is due; {@code null} once nothing is left to request
 *     (both requested, or the window closed)
 */
public record AppDataSync(
        TenantId tenantId,
        MetaId phoneNumberId,
        Instant windowEndsAt,
        Request contacts,
        Request history,
        Instant nextAttemptAt) {

    /** Meta's window: the syncs are refused later than this after the signup. */
    public static final Duration WINDOW = Duration.ofHours(24);

    public AppDataSync {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(windowEndsAt, "windowEndsAt");
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(history, "history");
    }

    /** What Meta is asked to synchronise, in the order it is asked, with the {@code sync_type} it is asked by. */
    public enum Kind {
        CONTACTS("smb_app_state_sync"),
        HISTORY("history");

        private final String syncType;

        Kind(String syncType) {
            this.syncType = syncType;
        }

        /** Meta's {@code sync_type} for it. */
        public String syncType() {
            return syncType;
        }
    }

    /** Where one request stands. */
    public enum State {
        /** Not asked yet. */
        PENDING,
        /** Meta accepted it: its webhooks follow. */
        REQUESTED,
        /** Meta refused it or could not be reached; it is tried again while the window is open. */
        FAILED,
        /** The window closed before Meta accepted it: only a new signup opens another. */
        EXPIRED
    }

    /**
     * One request: its state, when Meta accepted it and the id Meta gave it, how many times it
     * failed, and Meta's words the last time it did (never one of our secrets).
     */
    public record Request(State state, Instant requestedAt, String requestId, int failures, String lastError) {

        public static final Request PENDING = new Request(State.PENDING, null, null, 0, null);

        public Request {
            Objects.requireNonNull(state, "state");
            if (failures < 0) {
                throw new IllegalArgumentException("failures are never negative");
            }
        }

        boolean open() {
            return state == State.PENDING || state == State.FAILED;
        }
    }

    /**
     * The sync a change means: a signup that brought the number of a WhatsApp Business app
     * ({@link DomainEvent.TokenExchanged#businessAppNumber()}) opens Meta's window at {@code at},
     * the moment it was stored, and is due at once. Nothing for any other event.
     */
    public static Optional<AppDataSync> requestedBy(DomainEvent event, Instant at) {
        return event.accept(new DomainEvent.Partial<Optional<AppDataSync>>() {
            @Override
            public Optional<AppDataSync> on(DomainEvent.TokenExchanged exchanged) {
                return Optional.ofNullable(exchanged.businessAppNumber())
                        .map(number -> new AppDataSync(
                                exchanged.tenantId(), number, at.plus(WINDOW), Request.PENDING, Request.PENDING, at));
            }

            @Override
            public Optional<AppDataSync> otherwise(DomainEvent other) {
                return Optional.empty();
            }
        });
    }

    /** What to request next: the contacts until Meta accepted them, then the history; nothing when both are settled. */
    public Optional<Kind> next() {
        if (contacts.open()) {
            return Optional.of(Kind.CONTACTS);
        }
        if (history.open()) {
            return Optional.of(Kind.HISTORY);
        }
        return Optional.empty();
    }

    public Request request(Kind kind) {
        return kind == Kind.CONTACTS ? contacts : history;
    }

    /** Whether Meta's window has closed at {@code now}: no request may be made any more. */
    public boolean windowClosedAt(Instant now) {
        return !now.isBefore(windowEndsAt);
    }

    /** Meta accepted the request of {@code kind} at {@code now} with the id {@code requestId}; the next one is due at once. */
    public AppDataSync accepted(Kind kind, String requestId, Instant now) {
        Request request = request(kind);
        AppDataSync done = with(kind, new Request(State.REQUESTED, now, requestId, request.failures(), null), now);
        return done.next().isPresent() ? done : done.ended();
    }

    /**
     * Meta did not accept the request of {@code kind} ({@code error}: Meta's words, or why it could
     * not be reached); tried again at {@code retryAt}, or, when the window closes first, ended then
     * as expired.
     */
    public AppDataSync failed(Kind kind, String error, Instant retryAt) {
        Request request = request(kind);
        Instant next = retryAt.isBefore(windowEndsAt) ? retryAt : windowEndsAt;
        return with(kind, new Request(State.FAILED, null, null, request.failures() + 1, error), next);
    }

    /** Nothing is requested until {@code until} (what the requests need is not there yet); no failure is counted. */
    public AppDataSync postponed(Instant until) {
        return new AppDataSync(
                tenantId,
                phoneNumberId,
                windowEndsAt,
                contacts,
                history,
                until.isBefore(windowEndsAt) ? until : windowEndsAt);
    }

    /** The window closed: every request Meta did not accept ends as expired, with its last error. */
    public AppDataSync expired() {
        return new AppDataSync(tenantId, phoneNumberId, windowEndsAt, expire(contacts), expire(history), null).ended();
    }

    /** Whether nothing is left to request. */
    public boolean settled() {
        return nextAttemptAt == null;
    }

    private AppDataSync ended() {
        return new AppDataSync(tenantId, phoneNumberId, windowEndsAt, contacts, history, null);
    }

    private static Request expire(Request request) {
        return request.open()
                ? new Request(State.EXPIRED, null, null, request.failures(), request.lastError())
                : request;
    }

    private AppDataSync with(Kind kind, Request request, Instant next) {
        return kind == Kind.CONTACTS
                ? new AppDataSync(tenantId, phoneNumberId, windowEndsAt, request, history, next)
                : new AppDataSync(tenantId, phoneNumberId, windowEndsAt, contacts, request, next);
    }
}
