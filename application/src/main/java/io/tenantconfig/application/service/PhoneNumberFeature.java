package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.AddPhoneNumberUseCase;
import io.tenantconfig.application.port.in.ChangePhoneNumberUseCase;
import io.tenantconfig.application.port.in.RemovePhoneNumberUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.domain.Limits;
import java.time.Clock;

/** A tenant's phone numbers: add one (up to the deployment's limits), change one, remove one. */
public final class PhoneNumberFeature {

    private final AddPhoneNumberUseCase addPhoneNumber;
    private final ChangePhoneNumberUseCase changePhoneNumber;
    private final RemovePhoneNumberUseCase removePhoneNumber;

    /** @param limits the most phone numbers and accounts a tenant may have */
    public PhoneNumberFeature(ConfigStore store, Limits limits, Clock clock) {
        LockedWrite write = new LockedWrite(store);
        this.addPhoneNumber = new AddPhoneNumberService(write, limits, clock);
        this.changePhoneNumber = new ChangePhoneNumberService(write, clock);
        this.removePhoneNumber = new RemovePhoneNumberService(write, clock);
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
