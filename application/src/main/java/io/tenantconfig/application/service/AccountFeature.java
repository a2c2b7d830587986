package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.RemoveAccountUseCase;
import io.tenantconfig.application.port.in.SetAccountTokenUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import java.time.Clock;

/**
 * A tenant's WhatsApp Business Accounts: set one account's token by hand, remove one with its
 * numbers. Reading them is reading the configuration ({@code ViewConfigUseCase}).
 */
public final class AccountFeature {

    private final SetAccountTokenUseCase setAccountToken;
    private final RemoveAccountUseCase removeAccount;

    public AccountFeature(ConfigStore store, Clock clock) {
        LockedWrite write = new LockedWrite(store);
        this.setAccountToken = new SetAccountTokenService(write, clock);
        this.removeAccount = new RemoveAccountService(write, clock);
    }

    public SetAccountTokenUseCase setAccountToken() {
        return setAccountToken;
    }

    public RemoveAccountUseCase removeAccount() {
        return removeAccount;
    }
}
