package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ChangeBusinessProfileUseCase;
import io.tenantconfig.application.port.in.ViewBusinessProfileUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.KeptBusinessProfiles;
import io.tenantconfig.application.port.out.MetaBusinessProfiles;
import java.time.Clock;

/**
 * Each number's business profile: read through to Meta with the number's account's token and kept
 * from Meta's last answer (answered while Meta does not answer), and changed at Meta, audited.
 */
public final class BusinessProfileFeature {

    private final ViewBusinessProfileUseCase viewBusinessProfile;
    private final ChangeBusinessProfileUseCase changeBusinessProfile;

    public BusinessProfileFeature(
            ConfigStore store, KeptBusinessProfiles kept, MetaBusinessProfiles meta, Clock clock) {
        ProfileSteps steps = new ProfileSteps(store, kept, meta, clock);
        this.viewBusinessProfile = new ViewBusinessProfileService(steps);
        this.changeBusinessProfile = new ChangeBusinessProfileService(steps);
    }

    public ViewBusinessProfileUseCase viewBusinessProfile() {
        return viewBusinessProfile;
    }

    public ChangeBusinessProfileUseCase changeBusinessProfile() {
        return changeBusinessProfile;
    }
}
