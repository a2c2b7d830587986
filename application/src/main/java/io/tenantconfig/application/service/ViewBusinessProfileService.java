package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ProfileResult;
import io.tenantconfig.application.port.in.ViewBusinessProfileUseCase;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.util.Optional;

final class ViewBusinessProfileService implements ViewBusinessProfileUseCase {

    private final ProfileSteps steps;

    ViewBusinessProfileService(ProfileSteps steps) {
        this.steps = steps;
    }

    @Override
    public ProfileResult view(TenantId tenantId, MetaId phoneNumberId) {
        ProfileSteps.Access access = steps.access(tenantId, phoneNumberId);
        if (access.token() == null) {
            return access.answer();
        }
        return steps.readThrough(tenantId, phoneNumberId, access.token(), Optional.empty());
    }
}
