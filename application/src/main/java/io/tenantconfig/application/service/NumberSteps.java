package io.tenantconfig.application.service;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.in.ExpectedVersion;
import io.tenantconfig.application.port.in.NumberStepResult;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Outcome;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import java.util.function.Function;

/** What storing a step Meta accepted for a number comes to, as the answer of the number's use cases. */
final class NumberSteps {

    private NumberSteps() {}

    /**
     * Stores the step {@code rule} on the configuration as it is now (no version expected: Meta has
     * acted already, so the step is recorded on whatever the tenant changed meanwhile).
     */
    static NumberStepResult stored(
            LockedWrite write, TenantId tenantId, Actor actor, MetaId number, Function<TenantConfig, Outcome> rule) {
        return write.apply(tenantId, ExpectedVersion.any(), actor, rule)
                .match(
                        config -> new NumberStepResult.Done(config, number),
                        NumberStepResult.NotFound::new,
                        version -> {
                            throw new IllegalStateException("a write that expects no version cannot mismatch");
                        },
                        NumberStepResult.Refused::new);
    }
}
