package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NewPhoneNumber;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.VerificationCode;

/**
 * Meta's side of adding a phone number through the service: create it in a WhatsApp Business
 * Account, have Meta send it a code, and verify it with the code. (Registration is onboarding's
 * {@link MetaOnboarding#registerPhone}.) Each call is made with the account's token and either
 * succeeds or throws {@link MetaCallFailedException} saying how it failed.
 */
public interface MetaPhoneNumbers {

    /** How Meta sends the code: a text message or a voice call. */
    enum CodeMethod {
        SMS,
        VOICE
    }

    /** Creates the number in the account {@code wabaId} ({@code POST /{waba_id}/phone_numbers}); Meta's id for it. */
    MetaId create(MetaId wabaId, NewPhoneNumber number, Secret token);

    /** Has Meta send the number a verification code ({@code POST /{id}/request_code}), in {@code language} (e.g. {@code en_US}). */
    void requestCode(MetaId phoneNumberId, CodeMethod method, String language, Secret token);

    /** Verifies the number with the code it received ({@code POST /{id}/verify_code}). */
    void verifyCode(MetaId phoneNumberId, VerificationCode code, Secret token);
}
