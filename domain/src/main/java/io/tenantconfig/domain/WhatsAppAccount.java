package io.tenantconfig.domain;

/**
 * The tenant's WhatsApp Business Account and the Meta business that owns it. Either may be
 * unknown ({@code null}) until the tenant sets it or onboarding fills it in.
 */
public record WhatsAppAccount(MetaId wabaId, MetaId businessId) {

    public static final WhatsAppAccount NONE = new WhatsAppAccount(null, null);
}
