package io.tenantconfig.application;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.capacity.NumberCapacity;
import java.util.Objects;

/**
 * Whose a phone number or WhatsApp Business Account is: what the platform needs to route a Meta
 * webhook to its tenant. {@code active} says whether the tenant's configuration is in use (and,
 * asked by number, the number too); {@code phoneNumberId} is the number asked for, or, asked by
 * account, the tenant's default number ({@code null} when it has none); {@code wabaId} is the
 * tenant's account ({@code null} when not known yet); {@code coexistence} says whether that number is
 * a WhatsApp Business app's (served alongside the app, never registered by the service, and paced
 * at Meta's lower throughput for such numbers); {@code capacity} is what Meta last said of that
 * number's throughput, quality and messaging limit ({@link NumberCapacity#UNKNOWN} before anything
 * was said, or without a number).
 */
public record NumberOwner(
        TenantId tenantId,
        boolean active,
        MetaId wabaId,
        MetaId phoneNumberId,
        boolean coexistence,
        NumberCapacity capacity) {

    /** Nothing known of the number's capacity. */
    public NumberOwner(TenantId tenantId, boolean active, MetaId wabaId, MetaId phoneNumberId, boolean coexistence) {
        this(tenantId, active, wabaId, phoneNumberId, coexistence, NumberCapacity.UNKNOWN);
    }

    public NumberOwner {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(capacity, "capacity");
    }

    /** How many messages a second the number may send (20 for a coexistence number, whatever Meta's level says). */
    public int messagesPerSecond() {
        return capacity.messagesPerSecond(coexistence);
    }
}
