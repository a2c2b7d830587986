package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.adapters.rest.errors.FieldErrors;
import io.tenantconfig.adapters.rest.json.BodyFields;
import io.tenantconfig.application.port.in.ReportSignupEventUseCase;
import io.tenantconfig.application.port.in.ReportSignupEventUseCase.PageEvent;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.UntrustedText;
import java.util.regex.Pattern;

/**
 * What the page received from Meta's Embedded Signup when the flow did not finish, with the
 * fields of Meta's {@code data} at the top level: {@code {"event": "CANCEL", "current_step": ...}}
 * when the user closed the flow, {@code {"event": "CANCEL", "error_message": ..., "error_id" (or
 * "error_code"): ..., "session_id": ..., "timestamp": ...}} when the user reported an error in it.
 * Every field at fault is named in one 422; nothing of it is a secret.
 */
@BodyFields(of = "a signup event")
record SignupEventRequest(
        @JsonProperty("event") String event,
        @JsonProperty("current_step") String currentStep,
        @JsonProperty("error_message") String errorMessage,
        @JsonProperty("error_id") String errorId,
        @JsonProperty("error_code") String errorCode,
        @JsonProperty("session_id") String sessionId,
        @JsonProperty("timestamp") String timestamp) {

    /** The one event Meta sends for a flow that did not finish. */
    static final String CANCEL = "CANCEL";

    static final int MOST_STEP = 100;
    static final int MOST_MESSAGE = 1000;
    static final int MOST_TIMESTAMP = 64;

    /** Meta's ids are opaque; this bounds them to what such an id can look like (as onboarding's session_id). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** @throws io.tenantconfig.adapters.rest.errors.InvalidRequestException naming every field at fault */
    ReportSignupEventUseCase.Command toCommand(TenantId tenantId) {
        FieldErrors errors = new FieldErrors();
        if (event == null) {
            errors.add("event", "event is required");
        } else if (!CANCEL.equals(event)) {
            errors.add(
                    "event",
                    "event must be CANCEL (a signup that finished goes to POST /api/v1/tenant/onboard/whatsapp-client)");
        }
        line(errors, "current_step", currentStep, MOST_STEP);
        line(errors, "error_message", errorMessage, MOST_MESSAGE);
        line(errors, "timestamp", timestamp, MOST_TIMESTAMP);
        id(errors, "error_id", errorId);
        id(errors, "error_code", errorCode);
        id(errors, "session_id", sessionId);
        if (errorId != null && errorCode != null) {
            errors.add("error_code", "give Meta's error_id or error_code, not both");
        }
        if (currentStep == null && errorMessage == null) {
            errors.add("current_step", "a cancellation names its current_step, a reported error its error_message");
        } else if (currentStep != null && errorMessage != null) {
            errors.add(
                    "error_message", "a cancellation (current_step) reports no error_message: send one or the other");
        } else if (currentStep != null && (errorId != null || errorCode != null)) {
            errors.add(errorId != null ? "error_id" : "error_code", "a cancellation (current_step) has no error id");
        }
        errors.throwIfAny();
        PageEvent reported = currentStep != null
                ? new PageEvent.Cancelled(currentStep)
                : new PageEvent.ErrorReported(errorMessage, errorId != null ? errorId : errorCode);
        return new ReportSignupEventUseCase.Command(tenantId, sessionId, reported);
    }

    private static void line(FieldErrors errors, String field, String value, int most) {
        if (value == null) {
            return;
        }
        if (value.isBlank() || value.length() > most) {
            errors.add(field, field + " must be 1 to " + most + " characters, not only spaces");
        } else if (UntrustedText.hasControlCharacters(value)) {
            errors.add(field, field + " must not contain control characters");
        }
    }

    private static void id(FieldErrors errors, String field, String value) {
        if (value != null && !ID.matcher(value).matches()) {
            errors.add(field, field + " must be 1 to 128 letters, digits or . _ : -");
        }
    }
}
