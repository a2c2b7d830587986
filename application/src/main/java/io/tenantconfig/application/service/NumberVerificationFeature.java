package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.CreatePhoneNumberUseCase;
import io.tenantconfig.application.port.in.RequestVerificationCodeUseCase;
import io.tenantconfig.application.port.in.VerifyPhoneNumberUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.MetaOnboarding;
import io.tenantconfig.application.port.out.MetaPhoneNumbers;
import io.tenantconfig.domain.Limits;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * A number brought into use through the service, each step a call to Meta with the account's
 * token: created in the account, sent a code, verified with it, registered and put in use.
 */
public final class NumberVerificationFeature {

    private final CreatePhoneNumberUseCase createPhoneNumber;
    private final RequestVerificationCodeUseCase requestCode;
    private final VerifyPhoneNumberUseCase verifyPhoneNumber;

    /**
     * @param limits the most phone numbers a tenant may have
     * @param random where registration PINs come from ({@code SecureRandom} in production)
     */
    public NumberVerificationFeature(
            ConfigStore store,
            MetaPhoneNumbers numbers,
            MetaOnboarding registration,
            Limits limits,
            RandomGenerator random,
            Clock clock) {
        this.createPhoneNumber = new CreatePhoneNumberService(store, numbers, limits, clock);
        this.requestCode = new RequestVerificationCodeService(store, numbers, clock);
        this.verifyPhoneNumber =
                new VerifyPhoneNumberService(store, numbers, registration, new RegistrationPins(random), clock);
    }

    public CreatePhoneNumberUseCase createPhoneNumber() {
        return createPhoneNumber;
    }

    public RequestVerificationCodeUseCase requestCode() {
        return requestCode;
    }

    public VerifyPhoneNumberUseCase verifyPhoneNumber() {
        return verifyPhoneNumber;
    }
}
