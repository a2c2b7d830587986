package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ChangeBusinessProfileUseCase;
import io.tenantconfig.application.port.in.ProfileResult;
import io.tenantconfig.application.port.out.KeptBusinessProfiles;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.profile.BusinessProfile;
import java.util.Optional;

/**
 * Meta changes the profile; once it said yes, the change is audited in a transaction of its own
 * (the event's audit entry, like every change's), then the profile is read back from Meta and
 * kept. When that read fails, Meta has still accepted the change: the kept profile with the change
 * applied is kept and answered, with Meta's failure to read it back.
 */
final class ChangeBusinessProfileService implements ChangeBusinessProfileUseCase {

    private final ProfileSteps steps;

    ChangeBusinessProfileService(ProfileSteps steps) {
        this.steps = steps;
    }

    @Override
    public ProfileResult change(Command command) {
        ProfileSteps.Access access = steps.access(command.tenantId(), command.phoneNumberId());
        if (access.token() == null) {
            return access.answer();
        }
        try {
            steps.meta.change(command.phoneNumberId(), command.change(), access.token());
        } catch (MetaCallFailedException e) {
            return new ProfileResult.MetaFailed(e.failure());
        }
        DomainEvent event = new DomainEvent.BusinessProfileChanged(
                command.tenantId(), command.phoneNumberId(), command.change().fields());
        steps.store.inTransaction(tx -> {
            LockedWrite.record(tx, command.actor(), event, steps.clock.instant());
            return null;
        });
        BusinessProfile changed = steps.kept
                .kept(command.tenantId(), command.phoneNumberId())
                .map(KeptBusinessProfiles.Kept::profile)
                .orElse(BusinessProfile.EMPTY)
                .with(command.change());
        return steps.readThrough(command.tenantId(), command.phoneNumberId(), access.token(), Optional.of(changed));
    }
}
