package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.SyncAppDataUseCase;
import io.tenantconfig.application.port.out.AppDataSyncs;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.MetaAppData;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.OnboardingStatus;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One claimed sync at a time: the window closed ends it as expired; a number that is gone (or no
 * longer a WhatsApp Business app's) forgets it; an account our app is not subscribed to yet,
 * while onboarding has not finished, postpones it; otherwise the requests it is due for are made in order with the account's token,
 * and the first Meta does not accept is tried again after a backoff.
 */
final class SyncAppDataService implements SyncAppDataUseCase {

    private final AppDataSyncs syncs;
    private final ConfigStore store;
    private final MetaAppData meta;
    private final AppDataSyncPolicy policy;
    private final Clock clock;

    SyncAppDataService(AppDataSyncs syncs, ConfigStore store, MetaAppData meta, AppDataSyncPolicy policy, Clock clock) {
        this.syncs = syncs;
        this.store = store;
        this.meta = meta;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Round syncNext() {
        Instant now = clock.instant();
        Optional<AppDataSync> claimed = syncs.claimDue(now, policy.lease());
        if (claimed.isEmpty()) {
            return Round.IDLE;
        }
        AppDataSync sync = claimed.get();
        if (sync.windowClosedAt(now)) {
            AppDataSync expired = sync.expired();
            syncs.save(expired);
            return new Round(0, 0, true, true);
        }
        Optional<TenantConfig> config = store.load(sync.tenantId());
        Optional<PhoneNumber> number =
                config.flatMap(c -> c.phoneNumbers().find(sync.phoneNumberId())).filter(PhoneNumber::coexistence);
        if (number.isEmpty()) {
            syncs.forget(sync);
            return new Round(0, 0, true, false);
        }
        // A number's account is one of the configuration's (TenantConfig holds no number without it).
        Account account = config.get().accounts().find(number.get().wabaId()).orElseThrow();
        Secret token = account.token().accessToken();
        // Meta sends the synced data to the account's webhooks: ask once onboarding subscribed our
        // app to them, or finished without doing so (a deployment that subscribes by other means).
        boolean ready = account.subscribed() || config.get().onboarding().status() == OnboardingStatus.COMPLETED;
        if (token == null || !ready) {
            syncs.save(sync.postponed(now.plus(policy.firstBackoff())));
            return new Round(0, 0, true, false);
        }
        return requested(sync, token);
    }

    /** Makes the requests {@code sync} is due for, in order, until one fails; stores where it stands. */
    private Round requested(AppDataSync claimed, Secret token) {
        AppDataSync sync = claimed;
        int accepted = 0;
        Optional<AppDataSync.Kind> next = sync.next();
        while (next.isPresent()) {
            AppDataSync.Kind kind = next.get();
            try {
                String requestId = meta.requestSync(sync.phoneNumberId(), kind, token);
                sync = sync.accepted(kind, requestId, clock.instant());
                accepted++;
                next = sync.next();
            } catch (MetaCallFailedException e) {
                int failures = sync.request(kind).failures() + 1;
                Instant at = clock.instant();
                syncs.save(sync.failed(kind, e.failure().message(), at.plus(policy.backoff(failures))));
                return new Round(accepted, 1, true, false);
            }
        }
        syncs.save(sync);
        return new Round(accepted, 0, true, false);
    }
}
