package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.MetaId;
import java.time.Instant;
import java.util.Objects;

/**
 * Meta saying that a customer finished a signup at its end: an {@code account_update}
 * {@code PARTNER_APP_INSTALLED} for an account no tenant holds, as a signup session keeps it.
 * {@code ownerBusinessId} (the customer's business portfolio) and {@code partnerAppId} are
 * {@code null} when Meta sent none or not an id. Nothing in it is a secret.
 */
public record MetaInstall(MetaId wabaId, MetaId ownerBusinessId, MetaId partnerAppId, Instant receivedAt) {

    public MetaInstall {
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Where an install went. */
    public enum Attachment {
        /** Kept with the newest signup session that named its account and did not finish. */
        ATTACHED,
        /** Meta sent this install before, and a session keeps it already: nothing stored. */
        ALREADY_ATTACHED,
        /** No such session: the install is for the admins' list of changes nobody took. */
        NO_SESSION
    }
}
