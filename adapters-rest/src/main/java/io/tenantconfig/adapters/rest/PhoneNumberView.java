package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.TenantConfig;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One of a tenant's phone numbers as the API shows it; its registration PIN is never shown.
 *
 * @param coexistence whether it is the number of a WhatsApp Business app, served alongside the app
 *     (Embedded Signup's coexistence): the service never registers it
 * @param verified whether Meta verified it; a number Meta created at the tenant's request is not until
 *     the code sent to it is entered ({@code POST .../verify-code}), and is not in use before
 * @param codeRequestedAt when the service had Meta send it the code now awaited; {@code null}: none is
 * @param capacity how fast it may send, as the lookup answers it (see {@link CapacityView})
 * @param sync for a coexistence number, where the sync of the app's contacts and history that its
 *     signup asked for stands; absent for every other number
 */
public record PhoneNumberView(
        @JsonProperty("phone_number_id") String phoneNumberId,
        @JsonProperty("display_phone_number") String displayPhoneNumber,
        @JsonProperty("verified_name") String verifiedName,
        @JsonProperty("label") String label,
        @JsonProperty("is_default") boolean isDefault,
        @JsonProperty("is_active") boolean isActive,
        @JsonProperty("registered_at") String registeredAt,
        @JsonProperty("waba_id") String wabaId,
        @JsonProperty("coexistence") boolean coexistence,
        @JsonProperty("verified") boolean verified,
        @JsonProperty("code_requested_at") String codeRequestedAt,
        @JsonProperty("capacity") CapacityView capacity,

        @JsonProperty("sync")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Coexistence numbers only: the sync of the WhatsApp Business app's contacts,"
                        + " then its history, that the signup asked Meta for (POST /{phone_number_id}/smb_app_data),"
                        + " made and retried by the service within Meta's 24 hours. Absent for other numbers.")
        SyncView sync) {

    /** {@code GET /phone-numbers}: every number, in the order they were added. */
    public record NumberList(@JsonProperty("phone_numbers") List<PhoneNumberView> phoneNumbers) {

        static NumberList of(TenantConfig config, Map<MetaId, AppDataSync> syncs, ConfigLoader configLoader) {
            return new NumberList(config.phoneNumbers().all().stream()
                    .map(number ->
                            PhoneNumberView.of(config, number, syncs, CapacityView.of(configLoader, config, number)))
                    .toList());
        }
    }

    /**
     * The sync of a WhatsApp Business app's data: until when Meta accepts its requests, when the
     * next one is due ({@code null}: nothing is left to request), and each request's outcome.
     */
    @Schema(
            description = "Coexistence numbers only (absent for others): the sync of the WhatsApp Business app's"
                    + " contacts, then its history, that the signup asked Meta for (POST"
                    + " /{phone_number_id}/smb_app_data), made and retried by the service within Meta's 24 hours")
    public record SyncView(
            @JsonProperty("window_ends_at")
            @Schema(description = "When Meta stops accepting the requests: 24 hours after the signup")
            String windowEndsAt,

            @JsonProperty("next_attempt_at")
            @Schema(description = "When the service asks Meta next; null once nothing is left to request")
            String nextAttemptAt,

            @JsonProperty("contacts") RequestView contacts,
            @JsonProperty("history") RequestView history) {

        static SyncView of(AppDataSync sync) {
            return new SyncView(
                    text(sync.windowEndsAt()),
                    text(sync.nextAttemptAt()),
                    RequestView.of(sync.contacts()),
                    RequestView.of(sync.history()));
        }
    }

    /**
     * One request to Meta: {@code pending} (not made yet), {@code requested} (Meta accepted it, at
     * {@code requested_at}, as {@code request_id}), {@code failed} (tried again while the window is
     * open) or {@code expired} (the window closed first); how often it failed, and Meta's words the
     * last time.
     */
    public record RequestView(
            @JsonProperty("status")
            @Schema(
                    description = "pending, requested, failed (tried again while the window is open)"
                            + " or expired (the window closed first)",
                    allowableValues = {"pending", "requested", "failed", "expired"})
            String status,

            @JsonProperty("requested_at") @Schema(description = "When Meta accepted it")
            String requestedAt,

            @JsonProperty("request_id") @Schema(description = "Meta's request_id, for Meta's support")
            String requestId,

            @JsonProperty("failures") @Schema(description = "How many requests Meta did not accept")
            int failures,

            @JsonProperty("last_error") @Schema(description = "Meta's words the last time it did not accept it")
            String lastError) {

        static RequestView of(AppDataSync.Request request) {
            return new RequestView(
                    request.state().name().toLowerCase(Locale.ROOT),
                    text(request.requestedAt()),
                    request.requestId(),
                    request.failures(),
                    request.lastError());
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static PhoneNumberView of(
            TenantConfig config, PhoneNumber number, Map<MetaId, AppDataSync> syncs, CapacityView capacity) {
        AppDataSync sync = number.coexistence() ? syncs.get(number.id()) : null;
        return new PhoneNumberView(
                number.id().value(),
                Objects.toString(number.displayNumber(), null),
                Objects.toString(number.verifiedName(), null),
                Objects.toString(number.label(), null),
                config.phoneNumbers().isDefault(number.id()),
                number.active(),
                number.registeredAt() == null ? null : number.registeredAt().toString(),
                Objects.toString(number.wabaId(), null),
                number.coexistence(),
                number.verification().verified(),
                number.verification().codeRequestedAt() == null
                        ? null
                        : number.verification().codeRequestedAt().toString(),
                capacity,
                sync == null ? null : SyncView.of(sync));
    }
}
