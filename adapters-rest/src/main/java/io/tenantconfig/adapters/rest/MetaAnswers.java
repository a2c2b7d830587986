package io.tenantconfig.adapters.rest;

import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.adapters.rest.errors.Problem;
import io.tenantconfig.application.port.out.MetaFailure;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;

/**
 * How the API answers when a call it made to Meta failed: Meta, not this service, failed, so the
 * detail says that first, with the step, Meta's own words and trace id, then what was kept and what
 * to do. Onboarding and a number's verification answer alike; each adds the kinds it reads otherwise.
 */
final class MetaAnswers {

    private MetaAnswers() {}

    /** Meta's message, with its {@code fbtrace_id} when it gave one (what Meta's support asks for). */
    static String words(MetaFailure failure) {
        return failure.message() + (failure.fbtraceId() == null ? "" : " (fbtrace_id: " + failure.fbtraceId() + ")");
    }

    /**
     * The answer to Meta being unavailable, slow, rate limiting or refusing {@code step} ("while
     * registering the phone number").
     *
     * @param afterRateLimit what follows a rate limit's "try again in": what was kept
     * @param afterFailure what follows any other failure: what was kept and what to do
     */
    static ApiException failed(MetaFailure failure, String step, String afterRateLimit, String afterFailure) {
        String meta = words(failure);
        return switch (failure.kind()) {
            case RATE_LIMITED ->
                new ApiException(
                        429,
                        "Meta is rate limiting requests (" + step + "): " + meta + ". "
                                + Problem.tryAgainIn(failure.retryAfter().toSeconds()) + afterRateLimit,
                        Map.of(
                                HttpHeaders.RETRY_AFTER,
                                Long.toString(failure.retryAfter().toSeconds())));
            case TIMEOUT ->
                new ApiException(
                        504, "Meta's Graph API did not answer in time " + step + ": " + meta + "." + afterFailure);
            case META_UNAVAILABLE ->
                new ApiException(502, "Meta's Graph API failed " + step + ": " + meta + "." + afterFailure);
            case REJECTED, SIGNUP_CODE_REJECTED, TOKEN_INVALID ->
                new ApiException(
                        502, "Meta's Graph API refused the request " + step + ": " + meta + "." + afterFailure);
        };
    }
}
