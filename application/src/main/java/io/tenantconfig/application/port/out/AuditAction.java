package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.DomainEvent;
import java.util.Optional;

/**
 * What an audit record says was done, stored by name. {@link #of} is the one place that says
 * which events the audit trail records, and as what.
 */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    ACTIVATE,
    DEACTIVATE,
    ONBOARDING_TOKEN_EXCHANGED,
    ONBOARDING_WEBHOOK_SUBSCRIBED,
    /** The app was subscribed again to the tenant's accounts' webhooks ({@code POST /config/webhook/resubscribe}). */
    WEBHOOK_RESUBSCRIBED,
    ONBOARDING_PHONE_REGISTERED,
    ONBOARDING_COMPLETED,
    ONBOARDING_REAUTHORIZATION_REQUIRED,
    /** Meta confirmed the access token (onboarding's check); its expiry was recorded. */
    TOKEN_VERIFIED,
    PHONE_NUMBER_ADDED,
    PHONE_NUMBER_CHANGED,
    PHONE_NUMBER_REMOVED,
    /** Meta sent a verification code to a number at the tenant's request ({@code POST .../request-code}). */
    PHONE_NUMBER_CODE_REQUESTED,
    /** Meta accepted the code a number received ({@code POST .../verify-code}). */
    PHONE_NUMBER_VERIFIED,
    /** A number verified through the service was registered for the Cloud API and put in use. */
    PHONE_NUMBER_REGISTERED,
    /** The tenant removed a WhatsApp Business Account with its numbers. */
    ACCOUNT_REMOVED,
    /** Meta extended the access token before it expired (a health check). */
    TOKEN_REFRESHED,
    /** Meta's lifecycle webhook changed the account's standing (uninstalled, disabled, restricted, reinstated). */
    ACCOUNT_STANDING_CHANGED,
    DELETE_ALL,
    /** An admin deleted one tenant's configuration. */
    DELETE_TENANT,
    /** Secrets were read in clear ({@code /config/full}, {@code /config/resolved} for admins and services). */
    SECRETS_READ,
    /** Meta accepted a template the tenant asked it to create ({@code POST /config/templates}). */
    TEMPLATE_CREATED,
    /** Meta deleted a template at the tenant's request ({@code DELETE /config/templates/{name}}). */
    TEMPLATE_DELETED,
    /** Meta accepted a change to a number's business profile ({@code PATCH .../phone-numbers/{id}/profile}). */
    BUSINESS_PROFILE_CHANGED;

    /** The action {@code event} is recorded as; empty for a fact the audit trail does not keep (health, Meta's changes). */
    public static Optional<AuditAction> of(DomainEvent event) {
        return event.accept(AUDITED);
    }

    private static final DomainEvent.Visitor<Optional<AuditAction>> AUDITED = new DomainEvent.Visitor<>() {
        @Override
        public Optional<AuditAction> on(DomainEvent.Created event) {
            return Optional.of(CREATE);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.SettingsChanged event) {
            return Optional.of(UPDATE);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.Activated event) {
            return Optional.of(ACTIVATE);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.Deactivated event) {
            return Optional.of(DEACTIVATE);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.TokenExchanged event) {
            return Optional.of(ONBOARDING_TOKEN_EXCHANGED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.TokenVerified event) {
            return Optional.of(TOKEN_VERIFIED);
        }

        /** A step of onboarding, recorded as an update of the settings. */
        @Override
        public Optional<AuditAction> on(DomainEvent.RegistrationPinChosen event) {
            return Optional.of(UPDATE);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.WebhookSubscribed event) {
            return Optional.of(ONBOARDING_WEBHOOK_SUBSCRIBED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.WebhookResubscribed event) {
            return Optional.of(WEBHOOK_RESUBSCRIBED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.PhoneRegistered event) {
            return Optional.of(ONBOARDING_PHONE_REGISTERED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.VerificationCodeRequested event) {
            return Optional.of(PHONE_NUMBER_CODE_REQUESTED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.PhoneNumberVerified event) {
            return Optional.of(PHONE_NUMBER_VERIFIED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.PhoneNumberRegistered event) {
            return Optional.of(PHONE_NUMBER_REGISTERED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.OnboardingCompleted event) {
            return Optional.of(ONBOARDING_COMPLETED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.ReauthorizationRequired event) {
            return Optional.of(ONBOARDING_REAUTHORIZATION_REQUIRED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.TokenRefreshed event) {
            return Optional.of(TOKEN_REFRESHED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.PhoneNumberAdded event) {
            return Optional.of(PHONE_NUMBER_ADDED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.PhoneNumberChanged event) {
            return Optional.of(PHONE_NUMBER_CHANGED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.PhoneNumberRemoved event) {
            return Optional.of(PHONE_NUMBER_REMOVED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.AccountRemoved event) {
            return Optional.of(ACCOUNT_REMOVED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.AccountStandingChanged event) {
            return Optional.of(ACCOUNT_STANDING_CHANGED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.ConfigDeleted event) {
            return Optional.of(
                    switch (event.by()) {
                        case TENANT -> DELETE;
                        case ADMIN -> DELETE_TENANT;
                    });
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.AllConfigsDeleted event) {
            return Optional.of(DELETE_ALL);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.SecretsRead event) {
            return Optional.of(SECRETS_READ);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.HealthChanged event) {
            return Optional.empty();
        }

        /** Meta's verdict on a template, as health is: the platform hears of it, the audit trail keeps what people did. */
        @Override
        public Optional<AuditAction> on(DomainEvent.TemplateChanged event) {
            return Optional.empty();
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.WhatsAppChangeReceived event) {
            return Optional.empty();
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.TemplateCreated event) {
            return Optional.of(TEMPLATE_CREATED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.TemplateDeleted event) {
            return Optional.of(TEMPLATE_DELETED);
        }

        @Override
        public Optional<AuditAction> on(DomainEvent.BusinessProfileChanged event) {
            return Optional.of(BUSINESS_PROFILE_CHANGED);
        }
    };
}
