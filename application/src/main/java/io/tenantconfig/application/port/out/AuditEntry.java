package io.tenantconfig.application.port.out;

import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.ConfigEvent;
import io.tenantconfig.domain.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * What the audit trail is told: who, about which tenant ({@code null}: all of them), what, and
 * the names of the fields it touched. Never a value.
 */
public record AuditEntry(Actor actor, TenantId tenantId, AuditAction action, Set<String> fields) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        fields = Set.copyOf(fields);
    }

    public static AuditEntry of(Actor actor, TenantId tenantId, AuditAction action) {
        return new AuditEntry(actor, Objects.requireNonNull(tenantId, "tenantId"), action, Set.of());
    }

    /** The entry for a change to a tenant's configuration: its event says what it meant. */
    public static AuditEntry of(Actor actor, TenantId tenantId, ConfigEvent event) {
        return new AuditEntry(actor, Objects.requireNonNull(tenantId, "tenantId"), action(event), event.fields());
    }

    private static AuditAction action(ConfigEvent event) {
        return switch (event.type()) {
            case CREATED -> AuditAction.CREATE;
            case SETTINGS_CHANGED, REGISTRATION_PIN_CHOSEN -> AuditAction.UPDATE;
            case ACTIVATED -> AuditAction.ACTIVATE;
            case DEACTIVATED -> AuditAction.DEACTIVATE;
            case TOKEN_EXCHANGED -> AuditAction.ONBOARDING_TOKEN_EXCHANGED;
            case WEBHOOK_SUBSCRIBED -> AuditAction.ONBOARDING_WEBHOOK_SUBSCRIBED;
            case PHONE_REGISTERED -> AuditAction.ONBOARDING_PHONE_REGISTERED;
            case ONBOARDING_COMPLETED -> AuditAction.ONBOARDING_COMPLETED;
            case REAUTHORIZATION_REQUIRED -> AuditAction.ONBOARDING_REAUTHORIZATION_REQUIRED;
            case TOKEN_VERIFIED -> AuditAction.TOKEN_VERIFIED;
            case PHONE_NUMBER_ADDED -> AuditAction.PHONE_NUMBER_ADDED;
            case PHONE_NUMBER_CHANGED -> AuditAction.PHONE_NUMBER_CHANGED;
            case PHONE_NUMBER_REMOVED -> AuditAction.PHONE_NUMBER_REMOVED;
            case TOKEN_REFRESHED -> AuditAction.TOKEN_REFRESHED;
            case ACCOUNT_STANDING_CHANGED -> AuditAction.ACCOUNT_STANDING_CHANGED;
        };
    }
}
