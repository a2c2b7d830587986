package io.tenantconfig.application.port.in;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant sets the access token of one of its WhatsApp Business Accounts by hand; the other
 * accounts keep theirs. What was known of the old token (its check, its type) is forgotten.
 */
public interface SetAccountTokenUseCase {

    WriteResult setAccountToken(Command command);

    /** @param expiresAt when the new token expires; {@code null}: never, or unknown */
    record Command(
            TenantId tenantId,
            Actor actor,
            MetaId wabaId,
            Secret accessToken,
            Instant expiresAt,
            ExpectedVersion expected) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(wabaId, "wabaId");
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(expected, "expected");
        }
    }
}
