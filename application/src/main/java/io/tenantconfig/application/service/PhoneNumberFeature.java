package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.AddPhoneNumberUseCase;
import io.tenantconfig.application.port.in.ChangePhoneNumberUseCase;
import io.tenantconfig.application.port.in.RemovePhoneNumberUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.PhoneNumbers;
import java.time.Clock;

/** A tenant's phone numbers: add one (up to the deployment's limit), change one, remove one. */
public final class PhoneNumberFeature {

    private final AddPhoneNumberUseCase addPhoneNumber;
    private final ChangePhoneNumberUseCase changePhoneNumber;
    private final RemovePhoneNumberUseCase removePhoneNumber;

    /** @param phoneNumberLimit the most phone numbers a tenant may have (1 to {@link PhoneNumbers#MOST}) */
    public PhoneNumberFeature(ConfigStore store, int phoneNumberLimit, Clock clock) {
        LockedWrite write = new LockedWrite(store);
        this.addPhoneNumber = new AddPhoneNumberService(write, allowed(phoneNumberLimit), clock);
        this.changePhoneNumber = new ChangePhoneNumberService(write, clock);
        this.removePhoneNumber = new RemovePhoneNumberService(write, clock);
    }

    /** The limit, if a deployment may choose it: 1 to {@link PhoneNumbers#MOST}. */
    static int allowed(int phoneNumberLimit) {
        if (phoneNumberLimit < 1 || phoneNumberLimit > PhoneNumbers.MOST) {
            throw new IllegalArgumentException("a tenant may have 1 to " + PhoneNumbers.MOST + " phone numbers");
        }
        return phoneNumberLimit;
    }

    public AddPhoneNumberUseCase addPhoneNumber() {
        return addPhoneNumber;
    }

    public ChangePhoneNumberUseCase changePhoneNumber() {
        return changePhoneNumber;
    }

    public RemovePhoneNumberUseCase removePhoneNumber() {
        return removePhoneNumber;
    }
}
