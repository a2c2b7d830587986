package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.UseCases;
import io.tenantconfig.application.port.out.AuditLog;
import io.tenantconfig.application.port.out.ConfigCatalog;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.CredentialFallback;
import io.tenantconfig.application.port.out.MetaOnboarding;
import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Builds every use case from the outbound ports, with {@code new}: the application's part of the wiring. */
public final class Services {

    private Services() {}

    /** What the use cases need from outside the hexagon. */
    public record Ports(
            ConfigStore store,
            ConfigCatalog catalog,
            AuditLog auditLog,
            MetaOnboarding meta,
            CredentialFallback fallback) {
        public Ports {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(auditLog, "auditLog");
            Objects.requireNonNull(meta, "meta");
            Objects.requireNonNull(fallback, "fallback");
        }
    }

    /**
     * @param resolutions counts the loader's answers by source (shared with the metrics)
     * @param random where registration PINs come from ({@code SecureRandom} in production)
     */
    public static UseCases wire(
            Ports ports, OnboardingPolicy policy, ResolutionCounter resolutions, RandomGenerator random, Clock clock) {
        LockedWrite write = new LockedWrite(ports.store());
        OnboardingSteps steps = new OnboardingSteps(write, ports.meta(), policy, random, clock);
        ConfigLoader loader = new ConfigLoaderService(ports.store(), ports.fallback(), resolutions);
        return new UseCases(
                new ViewConfigService(ports.store()),
                new RevealConfigService(ports.store(), ports.auditLog()),
                new CreateConfigService(ports.store(), clock),
                new ChangeSettingsService(write, clock),
                new SwitchActivationService(write, clock),
                new DeleteConfigService(ports.store()),
                new DeleteAllConfigsService(ports.store()),
                new ListConfigsService(ports.catalog()),
                new ConfigStatisticsService(ports.catalog(), resolutions),
                new AuditTrailService(ports.auditLog()),
                new OnboardService(ports.store(), ports.meta(), steps, policy, clock),
                new ResumeOnboardingService(ports.store(), steps),
                loader,
                new RevealCredentialsService(loader, ports.auditLog()));
    }
}
