package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.AuditTrailUseCase;
import io.tenantconfig.application.port.in.ChangeSettingsUseCase;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.in.CreateConfigUseCase;
import io.tenantconfig.application.port.in.DeleteConfigUseCase;
import io.tenantconfig.application.port.in.RevealConfigUseCase;
import io.tenantconfig.application.port.in.RevealCredentialsUseCase;
import io.tenantconfig.application.port.in.SwitchActivationUseCase;
import io.tenantconfig.application.port.in.ViewConfigUseCase;
import io.tenantconfig.application.port.out.AuditLog;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.CredentialFallback;
import io.tenantconfig.application.port.out.LastKnownConfigs;
import io.tenantconfig.application.port.out.NumberDirectory;
import java.time.Clock;

/**
 * A tenant's configuration: read it (secrets masked, or revealed with an audit record), create
 * it, change its settings, switch it on or off, delete it, read its history; and the credentials
 * the platform's other services resolve from it (the loader: the tenant's values, else the
 * platform's fallback), revealed with an audit record.
 */
public final class ConfigurationFeature {

    private final ViewConfigUseCase viewConfig;
    private final RevealConfigUseCase revealConfig;
    private final CreateConfigUseCase createConfig;
    private final ChangeSettingsUseCase changeSettings;
    private final SwitchActivationUseCase switchActivation;
    private final DeleteConfigUseCase deleteConfig;
    private final AuditTrailUseCase auditTrail;
    private final ConfigLoader configLoader;
    private final RevealCredentialsUseCase revealCredentials;

    /**
     * @param lastKnown what the loader reads (the store's copy in memory, current or last known)
     * @param directory who owns which number and account, for lookups by number
     * @param resolutions counts the loader's answers by source (shared with the statistics and the metrics)
     */
    public ConfigurationFeature(
            ConfigStore store,
            LastKnownConfigs lastKnown,
            AuditLog auditLog,
            CredentialFallback fallback,
            NumberDirectory directory,
            ResolutionCounter resolutions,
            Clock clock) {
        LockedWrite write = new LockedWrite(store);
        this.viewConfig = new ViewConfigService(store);
        this.revealConfig = new RevealConfigService(store, auditLog);
        this.createConfig = new CreateConfigService(store, clock);
        this.changeSettings = new ChangeSettingsService(write, clock);
        this.switchActivation = new SwitchActivationService(write, clock);
        this.deleteConfig = new DeleteConfigService(store);
        this.auditTrail = new AuditTrailService(auditLog);
        this.configLoader = new ConfigLoaderService(lastKnown, fallback, directory, resolutions);
        this.revealCredentials = new RevealCredentialsService(configLoader, auditLog);
    }

    public ViewConfigUseCase viewConfig() {
        return viewConfig;
    }

    public RevealConfigUseCase revealConfig() {
        return revealConfig;
    }

    public CreateConfigUseCase createConfig() {
        return createConfig;
    }

    public ChangeSettingsUseCase changeSettings() {
        return changeSettings;
    }

    public SwitchActivationUseCase switchActivation() {
        return switchActivation;
    }

    public DeleteConfigUseCase deleteConfig() {
        return deleteConfig;
    }

    public AuditTrailUseCase auditTrail() {
        return auditTrail;
    }

    public ConfigLoader configLoader() {
        return configLoader;
    }

    public RevealCredentialsUseCase revealCredentials() {
        return revealCredentials;
    }
}
