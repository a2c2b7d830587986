package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.application.port.out.MetaInstall;
import io.tenantconfig.application.port.out.SignupOutcome;
import io.tenantconfig.application.port.out.SignupSession;
import io.tenantconfig.application.port.out.SignupSessions;
import java.util.List;

/**
 * One signup session as the API shows it: how it ended ({@code outcome}, and for a cancelled or
 * failed one the {@code step}; for a failed one Meta's {@code error_code}, {@code error_message}
 * and {@code fbtrace_id} when Meta gave them), the accounts the request named, the ids it
 * produced, and what Meta reported of the signup at its end ({@code meta_installs}: an
 * {@code account_update} {@code PARTNER_APP_INSTALLED} for an account the session named, received
 * while no tenant held it).
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
        @JsonProperty("requested_waba_ids") List<String> requestedWabaIds,
        @JsonProperty("waba_ids") List<String> wabaIds,
        @JsonProperty("phone_number_ids") List<String> phoneNumberIds,
        @JsonProperty("meta_installs") List<MetaInstallView> metaInstalls) {

    /** Meta's word that the customer finished the signup at its end, for one account. */
    public record MetaInstallView(
            @JsonProperty("event") String event,
            @JsonProperty("waba_id") String wabaId,
            @JsonProperty("owner_business_id") String ownerBusinessId,
            @JsonProperty("partner_app_id") String partnerAppId,
            @JsonProperty("received_at") String receivedAt) {

        static MetaInstallView of(MetaInstall install) {
            return new MetaInstallView(
                    "PARTNER_APP_INSTALLED",
                    install.wabaId().value(),
                    install.ownerBusinessId() == null
                            ? null
                            : install.ownerBusinessId().value(),
                    install.partnerAppId() == null
                            ? null
                            : install.partnerAppId().value(),
                    install.receivedAt().toString());
        }
    }

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
                s.requestedWabaIds(),
                s.wabaIds(),
                s.phoneNumberIds(),
                stored.metaInstalls().stream().map(MetaInstallView::of).toList());
    }
}
