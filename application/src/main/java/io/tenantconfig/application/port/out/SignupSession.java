package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One signup as the service saw it: an onboarding call, or an event the page reported. {@code
 * sessionId} is Meta's ({@code null} when the page sent none); {@code event} what the page said
 * ({@code FINISH}, {@code FINISH_ONLY_WABA}, ..., {@code CANCEL}); {@code requestedWabaIds} the
 * accounts the onboarding request named, whatever became of them (none for a reported event); the
 * accounts and numbers are those the session stored. It never holds the signup code, a token or a
 * PIN.
 */
public record SignupSession(
        TenantId tenantId,
        String sessionId,
        Instant startedAt,
        Instant endedAt,
        SignupOutcome outcome,
        String event,
        List<String> requestedWabaIds,
        List<String> wabaIds,
        List<String> phoneNumberIds) {

    public SignupSession {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(event, "event");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("a session ends after it starts");
        }
        requestedWabaIds = List.copyOf(requestedWabaIds);
        wabaIds = List.copyOf(wabaIds);
        phoneNumberIds = List.copyOf(phoneNumberIds);
    }
}
