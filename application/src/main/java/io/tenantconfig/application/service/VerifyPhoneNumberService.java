package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.NumberStep;
import io.tenantconfig.application.port.in.NumberStepResult;
import io.tenantconfig.application.port.in.VerifyPhoneNumberUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaOnboarding;
import io.tenantconfig.application.port.out.MetaPhoneNumbers;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import java.time.Clock;
import java.util.Optional;

/**
 * Verify, then register: Meta checks the code (unless none is awaited: a number Meta verified
 * whose registration failed), the PIN is chosen and stored before Meta sees it, Meta registers
 * the number, and it is put in use. Each step is stored as it succeeds.
 */
final class VerifyPhoneNumberService implements VerifyPhoneNumberUseCase {

    private final ConfigStore store;
    private final LockedWrite write;
    private final MetaPhoneNumbers numbers;
    private final MetaOnboarding registration;
    private final RegistrationPins pins;
    private final Clock clock;

    VerifyPhoneNumberService(
            ConfigStore store,
            MetaPhoneNumbers numbers,
            MetaOnboarding registration,
            RegistrationPins pins,
            Clock clock) {
        this.store = store;
        this.write = new LockedWrite(store);
        this.numbers = numbers;
        this.registration = registration;
        this.pins = pins;
        this.clock = clock;
    }

    @Override
    public NumberStepResult verify(Command command) {
        Optional<TenantConfig> found = store.load(command.tenantId());
        if (found.isEmpty()) {
            return new NumberStepResult.NotFound();
        }
        MetaId id = command.phoneNumberId();
        Optional<Refusal> refused = found.get().refusesVerification(id);
        if (refused.isPresent()) {
            return new NumberStepResult.Refused(refused.get());
        }
        Secret token = found.get().accountOf(id).orElseThrow().token().accessToken();
        NumberStepResult step = new NumberStepResult.Done(found.get(), id);
        if (found.get().phoneNumbers().find(id).orElseThrow().verification().awaitsCode()) {
            if (command.code() == null) {
                return new NumberStepResult.Refused(new Refusal(
                        Refusal.Reason.INCOMPLETE,
                        "code: required, the phone number " + id + " awaits the code Meta sent to it"));
            }
            try {
                numbers.verifyCode(id, command.code(), token);
            } catch (MetaCallFailedException e) {
                return new NumberStepResult.MetaFailed(NumberStep.VERIFY_CODE, e.failure(), id, false);
            }
            step = NumberSteps.stored(
                    write, command.tenantId(), command.actor(), id, c -> c.phoneNumberVerified(id, clock));
        }
        if (!(step instanceof NumberStepResult.Done verified)) {
            return step;
        }
        PhoneNumber number = verified.config().phoneNumbers().find(id).orElseThrow();
        if (number.registrationPin() == null) {
            // Stored before Meta sees it: the number is never registered with a PIN we lost.
            Secret pin = pins.next();
            NumberStepResult chosen = NumberSteps.stored(
                    write, command.tenantId(), command.actor(), id, c -> c.numberPinChosen(id, pin, clock));
            if (!(chosen instanceof NumberStepResult.Done withPin)) {
                return chosen;
            }
            number = withPin.config().phoneNumbers().find(id).orElseThrow();
        }
        try {
            registration.registerPhone(id, number.registrationPin(), token);
        } catch (MetaCallFailedException e) {
            return new NumberStepResult.MetaFailed(NumberStep.REGISTER, e.failure(), id, true);
        }
        return NumberSteps.stored(
                write, command.tenantId(), command.actor(), id, c -> c.phoneNumberRegistered(id, clock));
    }
}
