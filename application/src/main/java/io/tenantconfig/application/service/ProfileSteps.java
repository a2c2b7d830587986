package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ProfileResult;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.KeptBusinessProfiles;
import io.tenantconfig.application.port.out.MetaBusinessProfiles;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.profile.BusinessProfile;
import io.tenantconfig.domain.profile.ProfileNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** What reading and changing a profile share: the number's token, and reading through to Meta. */
final class ProfileSteps {

    final ConfigStore store;
    final KeptBusinessProfiles kept;
    final MetaBusinessProfiles meta;
    final Clock clock;

    ProfileSteps(ConfigStore store, KeptBusinessProfiles kept, MetaBusinessProfiles meta, Clock clock) {
        this.store = store;
        this.kept = kept;
        this.meta = meta;
        this.clock = clock;
    }

    /** The token to ask Meta with about the number, or (when {@code token} is {@code null}) the answer without one. */
    Access access(TenantId tenantId, MetaId phoneNumberId) {
        Optional<TenantConfig> found = store.load(tenantId);
        if (found.isEmpty()) {
            return new Access(null, new ProfileResult.NotFound());
        }
        Optional<Refusal> refused = ProfileNumber.refusal(found.get(), phoneNumberId);
        if (refused.isPresent()) {
            return new Access(null, new ProfileResult.Refused(refused.get()));
        }
        return new Access(
                found.get().accountOf(phoneNumberId).orElseThrow().token().accessToken(), null);
    }

    /**
     * The profile read from Meta now and kept; when Meta does not answer, the one kept from its
     * last answer ({@code orElse} when none was kept), with Meta's failure.
     */
    ProfileResult readThrough(TenantId tenantId, MetaId phoneNumberId, Secret token, Optional<BusinessProfile> orElse) {
        try {
            BusinessProfile profile = meta.read(phoneNumberId, token);
            Instant now = now();
            kept.keep(tenantId, phoneNumberId, profile, now);
            return new ProfileResult.Shown(phoneNumberId, profile, now, null);
        } catch (MetaCallFailedException e) {
            if (orElse.isPresent()) {
                Instant now = now();
                kept.keep(tenantId, phoneNumberId, orElse.get(), now);
                return new ProfileResult.Shown(phoneNumberId, orElse.get(), now, e.failure());
            }
            return kept.kept(tenantId, phoneNumberId)
                    .<ProfileResult>map(
                            k -> new ProfileResult.Shown(phoneNumberId, k.profile(), k.readAt(), e.failure()))
                    .orElseGet(() -> new ProfileResult.MetaFailed(e.failure()));
        }
    }

    /** Now, to the millisecond: a read answered now says the same read_at as when it is answered from the store. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The token, or (when it is {@code null}) the answer without one. */
    record Access(Secret token, ProfileResult answer) {}
}
