package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The changes Meta sent, as stored by the intake: what is read back of them. */
public interface WebhookInbox {

    /** When the last change for the tenant arrived. */
    Optional<Instant> lastReceivedAt(TenantId tenantId);

    /** How many stored changes nobody owns. */
    long unroutableCount();

    /** The newest changes nobody owns, newest first. */
    List<UnroutableChange> unroutable(int limit);

    /** A change kept without a tenant: what it named and why nobody took it. Its value is not shown. */
    record UnroutableChange(
            long id, Instant receivedAt, String wabaId, String phoneNumberId, String field, String reason) {}
}
