package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When each account's template catalogue is next read from Meta, shared by every instance
 * through the database as the health sweep's schedule is: a due account is leased to one
 * instance at a time, and a lease never given back expires.
 */
public interface TemplateSchedule {

    /**
     * Makes every account of an active configuration that has an id and a token, and is not
     * scheduled yet, due at {@code now}: an account onboarded or added is read at the next round.
     */
    void enroll(Instant now);

    /** Up to {@code limit} accounts due at {@code now} whose lease is free, leased to {@code owner} until {@code now + lease}. */
    List<DueCatalogue> claimDue(String owner, Instant now, Duration lease, int limit);

    /** {@code owner} is done with the account: it is next due at {@code next}, and its lease is given back. */
    void done(MetaId wabaId, String owner, Instant next);

    /** A read of the account's catalogue was tried at {@code at} and failed ({@code failure}, nothing secret): the catalogue stays. */
    void failed(MetaId wabaId, Instant at, String failure);

    /**
     * Read this account's templates soon: it is due at {@code now}, and the next round on any
     * instance reads it (after a template was created or deleted, say). False when no
     * configuration has the account.
     */
    boolean dueNow(MetaId wabaId, Instant now);

    /** An account due for a read, with its tenant. */
    record DueCatalogue(TenantId tenantId, MetaId wabaId) {
        public DueCatalogue {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(wabaId, "wabaId");
        }
    }
}
