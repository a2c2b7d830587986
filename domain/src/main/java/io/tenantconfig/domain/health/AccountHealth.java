package io.tenantconfig.domain.health;

import io.tenantconfig.domain.MetaId;
import java.time.Instant;

/**
 * One of the tenant's WhatsApp Business Accounts as the last check that reached it found it: its
 * id ({@code null}: the one account without an id) and when its token expires ({@code null}:
 * never, or not known). Its state and reasons are those of the health's reasons that name it
 * ({@link Health#reasonsOf}, {@link Health#stateOf}).
 */
public record AccountHealth(MetaId wabaId, Instant tokenExpiresAt) {}
