package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.application.port.out.SignupOutcome;
import io.tenantconfig.application.port.out.SignupSession;
import io.tenantconfig.application.port.out.SignupSessions;
import java.util.List;

/**
 * One signup session as the API shows it: how it ended ({@code outcome}, and for a cancelled or
 * failed one the {@code step}; for a failed one Meta's {@code error_code}, {@code error_message}
 * and {@code fbtrace_id} when Meta gave them) and the ids it produced.
 */
public record SignupSessionView(
        @JsonProperty("id") long id,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("session_id") String sessionId,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("ended_at") String endedAt,
        @JsonProperty("event") String event,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("step") String step,
        @JsonProperty("error_code") String errorCode,
        @JsonProperty("error_message") String errorMessage,
        @JsonProperty("fbtrace_id") String fbtraceId,
        @JsonProperty("waba_ids") List<String> wabaIds,
        @JsonProperty("phone_number_ids") List<String> phoneNumberIds) {

    static SignupSessionView of(SignupSessions.Stored stored) {
        SignupSession s = stored.session();
        String step = null;
        String code = null;
        String message = null;
        String trace = null;
        if (s.outcome() instanceof SignupOutcome.Cancelled cancelled) {
            step = cancelled.step();
        } else if (s.outcome() instanceof SignupOutcome.Failed failed) {
            step = failed.step();
            code = failed.code();
            message = failed.message();
            trace = failed.fbtraceId();
        }
        return new SignupSessionView(
                stored.id(),
                s.tenantId().value(),
                s.sessionId(),
                s.startedAt().toString(),
                s.endedAt().toString(),
                s.event(),
                s.outcome().kind().label(),
                step,
                code,
                message,
                trace,
                s.wabaIds(),
                s.phoneNumberIds());
    }
}
