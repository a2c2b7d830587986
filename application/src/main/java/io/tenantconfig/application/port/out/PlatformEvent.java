package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something the rest of the platform hears of ({@code health.changed}, {@code token.refreshed},
 * {@code reauthorization.required}, {@code whatsapp.change}, {@code account.standing_changed}), written to the outbox in the transaction of the change it
 * reports and delivered from there. {@code data} holds no secret.
 */
public record PlatformEvent(String type, TenantId tenantId, Instant occurredAt, Map<String, Object> data) {

    public static final String HEALTH_CHANGED = "health.changed";
    public static final String TOKEN_REFRESHED = "token.refreshed";
    public static final String REAUTHORIZATION_REQUIRED = "reauthorization.required";
    /** A change Meta sent for one of the tenant's numbers or its account, with Meta's {@code value} unchanged. */
    public static final String WHATSAPP_CHANGE = "whatsapp.change";
    /** Meta reported a change in the standing of the tenant's account (uninstalled, disabled, reinstated...). */
    public static final String ACCOUNT_STANDING_CHANGED = "account.standing_changed";

    /**
     * The {@code whatsapp.change} of a change Meta sent: {@code phone_number_id} (null for a change
     * about the account), {@code waba_id}, {@code field} and Meta's {@code value} as it was sent.
     */
    public static PlatformEvent whatsAppChange(TenantId tenant, Instant at, ReceivedChange change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "phone_number_id",
                change.phoneNumberId() == null ? null : change.phoneNumberId().value());
        data.put("waba_id", change.wabaId() == null ? null : change.wabaId().value());
        data.put("field", change.field());
        data.put("value", new JsonText(change.valueJson()));
        return new PlatformEvent(WHATSAPP_CHANGE, tenant, at, data);
    }

    public PlatformEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        // In the order given, so the JSON delivered reads as it was written.
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
