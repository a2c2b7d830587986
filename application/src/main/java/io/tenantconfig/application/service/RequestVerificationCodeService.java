package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.NumberStep;
import io.tenantconfig.application.port.in.NumberStepResult;
import io.tenantconfig.application.port.in.RequestVerificationCodeUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaPhoneNumbers;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import java.time.Clock;
import java.util.Optional;

final class RequestVerificationCodeService implements RequestVerificationCodeUseCase {

    private final ConfigStore store;
    private final LockedWrite write;
    private final MetaPhoneNumbers meta;
    private final Clock clock;

    RequestVerificationCodeService(ConfigStore store, MetaPhoneNumbers meta, Clock clock) {
        this.store = store;
        this.write = new LockedWrite(store);
        this.meta = meta;
        this.clock = clock;
    }

    @Override
    public NumberStepResult requestCode(Command command) {
        Optional<TenantConfig> found = store.load(command.tenantId());
        if (found.isEmpty()) {
            return new NumberStepResult.NotFound();
        }
        TenantConfig config = found.get();
        Optional<Refusal> refused = config.refusesVerification(command.phoneNumberId());
        if (refused.isPresent()) {
            return new NumberStepResult.Refused(refused.get());
        }
        PhoneNumber number = config.phoneNumbers().find(command.phoneNumberId()).orElseThrow();
        try {
            meta.requestCode(
                    number.id(),
                    command.method(),
                    command.language(),
                    config.accountOf(number.id()).orElseThrow().token().accessToken());
        } catch (MetaCallFailedException e) {
            return new NumberStepResult.MetaFailed(
                    NumberStep.REQUEST_CODE,
                    e.failure(),
                    number.id(),
                    !number.verification().awaitsCode());
        }
        return NumberSteps.stored(
                write,
                command.tenantId(),
                command.actor(),
                number.id(),
                c -> c.verificationCodeRequested(number.id(), clock));
    }
}
