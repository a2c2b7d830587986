package io.tenantconfig.domain;

import java.util.Map;
import java.util.function.Function;

/**
 * The tenant's WhatsApp Business Account and the Meta business that owns it. Either may be
 * unknown ({@code null}) until the tenant sets it or onboarding fills it in.
 */
public record WhatsAppAccount(MetaId wabaId, MetaId businessId) {

    /** Its fields by their data-model names (what audit events name). */
    static final Map<String, Function<WhatsAppAccount, Object>> FIELDS = Map.of(
            "waba_id", WhatsAppAccount::wabaId,
            "business_id", WhatsAppAccount::businessId);

    public static final WhatsAppAccount NONE = new WhatsAppAccount(null, null);
}
