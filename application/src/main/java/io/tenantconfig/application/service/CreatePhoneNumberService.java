package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.CreatePhoneNumberUseCase;
import io.tenantconfig.application.port.in.ExpectedVersion;
import io.tenantconfig.application.port.in.NumberStep;
import io.tenantconfig.application.port.in.NumberStepResult;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaPhoneNumbers;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.Limits;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import java.time.Clock;
import java.util.Optional;

final class CreatePhoneNumberService implements CreatePhoneNumberUseCase {

    private final ConfigStore store;
    private final LockedWrite write;
    private final MetaPhoneNumbers meta;
    private final Limits limits;
    private final Clock clock;

    CreatePhoneNumberService(ConfigStore store, MetaPhoneNumbers meta, Limits limits, Clock clock) {
        this.store = store;
        this.write = new LockedWrite(store);
        this.meta = meta;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public NumberStepResult create(Command command) {
        Optional<TenantConfig> found = store.load(command.tenantId());
        if (found.isEmpty()) {
            return new NumberStepResult.NotFound();
        }
        TenantConfig config = found.get();
        Optional<Refusal> refused = config.refusesNewNumber(command.wabaId(), limits);
        if (refused.isPresent()) {
            return new NumberStepResult.Refused(refused.get());
        }
        Account account = config.newNumberAccount(command.wabaId()).orElseThrow();
        MetaId id;
        try {
            id = meta.create(account.wabaId(), command.number(), account.token().accessToken());
        } catch (MetaCallFailedException e) {
            return new NumberStepResult.MetaFailed(NumberStep.CREATE, e.failure(), null, false);
        }
        PhoneNumber created = PhoneNumber.created(id, account.wabaId(), command.number(), command.label());
        return write.apply(
                        command.tenantId(),
                        ExpectedVersion.any(),
                        command.actor(),
                        current -> current.addPhoneNumber(created, limits, clock))
                .match(
                        stored -> new NumberStepResult.Done(stored, id),
                        NumberStepResult.NotFound::new,
                        version -> {
                            throw new IllegalStateException("a write that expects no version cannot mismatch");
                        },
                        refusal -> new NumberStepResult.Refused(notKept(id, account.wabaId(), refusal)));
    }

    /** Meta created the number, but a change made meanwhile leaves no room for it here: say so, and how to add it later. */
    private static Refusal notKept(MetaId id, MetaId wabaId, Refusal refusal) {
        return new Refusal(
                refusal.reason(),
                "Meta created the number " + id + " in the WhatsApp Business Account " + wabaId
                        + ", but it could not be kept: " + refusal.detail()
                        + ". Add it later with {\"phone_number_id\": \""
                        + id + "\"}");
    }
}
