package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.TenantConfig;
import java.util.List;
import java.util.Objects;

/**
 * One of a tenant's phone numbers as the API shows it; its registration PIN is never shown.
 *
 * @param coexistence whether it is the number of a WhatsApp Business app, served alongside the app
 *     (Embedded Signup's coexistence): the service never registers it
 * @param verified whether Meta verified it; a number Meta created at the tenant's request is not until
 *     the code sent to it is entered ({@code POST .../verify-code}), and is not in use before
 * @param codeRequestedAt when the service had Meta send it the code now awaited; {@code null}: none is
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
        @JsonProperty("code_requested_at") String codeRequestedAt) {

    /** {@code GET /phone-numbers}: every number, in the order they were added. */
    public record NumberList(@JsonProperty("phone_numbers") List<PhoneNumberView> phoneNumbers) {

        static NumberList of(TenantConfig config) {
            return new NumberList(config.phoneNumbers().all().stream()
                    .map(number -> PhoneNumberView.of(config, number))
                    .toList());
        }
    }

    static PhoneNumberView of(TenantConfig config, PhoneNumber number) {
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
                        : number.verification().codeRequestedAt().toString());
    }
}
