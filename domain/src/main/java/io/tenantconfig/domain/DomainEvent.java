package io.tenantconfig.domain;

import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.template.TemplateChange;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened, named once: what, to which tenant, with its data. The audit trail's
 * entry and the event the rest of the platform hears of are each derived from it by one mapping:
 * the audit trail's names every kind (a {@link Visitor}, so none is forgotten), the platform's
 * only the kinds it announces (a {@link Partial}).
 * None carries a secret.
 */
public sealed interface DomainEvent {

    /** The tenant it happened to; {@code null} only for {@link AllConfigsDeleted} (every tenant). */
    TenantId tenantId();

    /** The data-model names of the configuration's fields it made different; never their values. */
    default Set<String> fields() {
        return Set.of();
    }

    <T> T accept(Visitor<T> visitor);

    /** A change one of {@link TenantConfig}'s rules made to a configuration, with the fields it made different. */
    sealed interface ConfigEvent extends DomainEvent {

        /** A kind of change: makes its event from the tenant and the fields the change made different. */
        @FunctionalInterface
        interface Kind {
            ConfigEvent of(TenantId tenantId, Set<String> fields);
        }
    }

    /** A tenant set up its configuration by hand. */
    record Created(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public Created {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** Settings changed. */
    record SettingsChanged(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public SettingsChanged {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** The configuration is back in use. */
    record Activated(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public Activated {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** The configuration is out of use: the loader treats it as absent. */
    record Deactivated(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public Deactivated {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /**
     * Embedded Signup exchanged a code for a token, which is now stored: a new onboarding run.
     *
     * @param businessAppNumber the number of a WhatsApp Business app the signup brought (coexistence),
     *     whose app data Meta synchronises when asked within 24 hours; {@code null} for any other signup
     */
    record TokenExchanged(TenantId tenantId, Set<String> fields, MetaId businessAppNumber) implements ConfigEvent {
        public TokenExchanged {
            fields = checked(tenantId, fields);
        }

        /** A signup that brought no WhatsApp Business app's number. */
        public TokenExchanged(TenantId tenantId, Set<String> fields) {
            this(tenantId, fields, null);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** Meta confirmed that the access token works (onboarding's check), and said when it expires ({@code null}: never). */
    record TokenVerified(TenantId tenantId, Set<String> fields, Instant expiresAt) implements ConfigEvent {
        public TokenVerified {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** A PIN was chosen for registering the onboarding number, stored before Meta sees it. */
    record RegistrationPinChosen(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public RegistrationPinChosen {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** Onboarding subscribed the app to the WhatsApp Business Account's webhooks. */
    record WebhookSubscribed(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public WebhookSubscribed {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** The app was subscribed again to the webhooks of some of the tenant's accounts, at a person's request. */
    record WebhookResubscribed(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public WebhookResubscribed {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** Meta sent one of the tenant's numbers a verification code at the tenant's request. */
    record VerificationCodeRequested(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public VerificationCodeRequested {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** Meta accepted the code one of the tenant's numbers received: the number is verified. */
    record PhoneNumberVerified(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public PhoneNumberVerified {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** Meta registered one of the tenant's verified numbers for the Cloud API at the tenant's request. */
    record PhoneNumberRegistered(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public PhoneNumberRegistered {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** Onboarding registered its phone number for the Cloud API. */
    record PhoneRegistered(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public PhoneRegistered {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** Every onboarding step succeeded. */
    record OnboardingCompleted(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public OnboardingCompleted {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** Meta refused the stored token: the tenant has to sign up again. {@code foundBy} says who asked Meta. */
    record ReauthorizationRequired(TenantId tenantId, Set<String> fields, FoundBy foundBy) implements ConfigEvent {
        public ReauthorizationRequired {
            fields = checked(tenantId, fields);
            Objects.requireNonNull(foundBy, "foundBy");
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }

        /** Who found the token refused: onboarding (whose caller is told in its answer) or a health check. */
        public enum FoundBy {
            ONBOARDING,
            HEALTH_CHECK
        }
    }

    /** Meta extended the access token before it expired; the new one is stored, and expires at {@code expiresAt} ({@code null}: never). */
    record TokenRefreshed(TenantId tenantId, Set<String> fields, Instant expiresAt) implements ConfigEvent {
        public TokenRefreshed {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** The tenant added a phone number. */
    record PhoneNumberAdded(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public PhoneNumberAdded {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** A phone number's label, use or default changed (the tenant's), or its verified name (Meta approved it). */
    record PhoneNumberChanged(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public PhoneNumberChanged {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** The tenant removed a phone number. */
    record PhoneNumberRemoved(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public PhoneNumberRemoved {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** The tenant removed a WhatsApp Business Account, with its numbers. */
    record AccountRemoved(TenantId tenantId, Set<String> fields) implements ConfigEvent {
        public AccountRemoved {
            fields = checked(tenantId, fields);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /**
     * Meta reported a change in the standing of the account {@code wabaId} (uninstalled, disabled,
     * restricted, reinstated): now {@code standing}.
     */
    record AccountStandingChanged(TenantId tenantId, Set<String> fields, MetaId wabaId, AccountStanding standing)
            implements ConfigEvent {
        public AccountStandingChanged {
            fields = checked(tenantId, fields);
            Objects.requireNonNull(wabaId, "wabaId");
            Objects.requireNonNull(standing, "standing");
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** A configuration was deleted, by its tenant or by an admin. */
    record ConfigDeleted(TenantId tenantId, By by) implements DomainEvent {
        public ConfigDeleted {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(by, "by");
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }

        /** Who deleted it. */
        public enum By {
            TENANT,
            ADMIN
        }
    }

    /** Every configuration was deleted: {@code count} of them. */
    record AllConfigsDeleted(long count) implements DomainEvent {
        /** None: it happened to every tenant. */
        @Override
        public TenantId tenantId() {
            return null;
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** A tenant's secrets were shown in clear. */
    record SecretsRead(TenantId tenantId) implements DomainEvent {
        public SecretsRead {
            Objects.requireNonNull(tenantId, "tenantId");
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** A tenant's health changed state or reasons, from {@code before} to {@code after}. */
    record HealthChanged(TenantId tenantId, Health before, Health after) implements DomainEvent {
        public HealthChanged {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /**
     * Meta sent a change about one of the tenant's numbers ({@code phoneNumberId}; {@code null} for
     * one about the account) or its WhatsApp Business Account: {@code field}, and Meta's
     * {@code value} as the JSON text it was sent in.
     */
    record WhatsAppChangeReceived(
            TenantId tenantId, MetaId wabaId, MetaId phoneNumberId, String field, String valueJson)
            implements DomainEvent {
        public WhatsAppChangeReceived {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(valueJson, "valueJson");
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /**
     * The status, category or quality of one of the tenant's account's templates changed (Meta's
     * webhook, or a read of the account's catalogue that found it so).
     */
    record TemplateChanged(TenantId tenantId, MetaId wabaId, TemplateChange change) implements DomainEvent {
        public TemplateChanged {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(wabaId, "wabaId");
            Objects.requireNonNull(change, "change");
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /**
     * Meta accepted a template the tenant asked it to create in the account {@code wabaId}, and
     * gave it the id {@code templateId}; Meta reviews it from here. Audited as the account's
     * {@code templates.<name>.<language>}.
     */
    record TemplateCreated(
            TenantId tenantId, MetaId wabaId, TemplateName name, TemplateLanguage language, MetaId templateId)
            implements DomainEvent {
        public TemplateCreated {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(wabaId, "wabaId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(templateId, "templateId");
        }

        @Override
        public Set<String> fields() {
            return Set.of("accounts." + wabaId + ".templates." + name + "." + language);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /**
     * Meta deleted the tenant's template {@code name} from the account {@code wabaId}: in every
     * language, or only the one of Meta's id {@code templateId} ({@code null}: every language).
     */
    record TemplateDeleted(TenantId tenantId, MetaId wabaId, TemplateName name, MetaId templateId)
            implements DomainEvent {
        public TemplateDeleted {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(wabaId, "wabaId");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Set<String> fields() {
            return Set.of("accounts." + wabaId + ".templates." + name + (templateId == null ? "" : "." + templateId));
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /**
     * Meta accepted a change to the business profile of the tenant's number {@code phoneNumberId}:
     * the profile's {@code changed} fields ({@code about}, {@code websites}...), audited as
     * {@code phone_numbers.<id>.profile.<field>}. Never their values.
     */
    record BusinessProfileChanged(TenantId tenantId, MetaId phoneNumberId, Set<String> changed) implements DomainEvent {
        public BusinessProfileChanged {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(phoneNumberId, "phoneNumberId");
            changed = Set.copyOf(changed);
        }

        @Override
        public Set<String> fields() {
            Set<String> named = new java.util.TreeSet<>();
            changed.forEach(field -> named.add("phone_numbers." + phoneNumberId + ".profile." + field));
            return Set.copyOf(named);
        }

        public <T> T accept(Visitor<T> visitor) {
            return visitor.on(this);
        }
    }

    /** One answer per kind of event: what a mapping makes of each. Adding a kind adds a method here, so no mapping forgets it. */
    interface Visitor<T> {
        T on(Created event);

        T on(SettingsChanged event);

        T on(Activated event);

        T on(Deactivated event);

        T on(TokenExchanged event);

        T on(TokenVerified event);

        T on(RegistrationPinChosen event);

        T on(WebhookSubscribed event);

        T on(WebhookResubscribed event);

        T on(PhoneRegistered event);

        T on(VerificationCodeRequested event);

        T on(PhoneNumberVerified event);

        T on(PhoneNumberRegistered event);

        T on(OnboardingCompleted event);

        T on(ReauthorizationRequired event);

        T on(TokenRefreshed event);

        T on(PhoneNumberAdded event);

        T on(PhoneNumberChanged event);

        T on(PhoneNumberRemoved event);

        T on(AccountRemoved event);

        T on(AccountStandingChanged event);

        T on(ConfigDeleted event);

        T on(AllConfigsDeleted event);

        T on(SecretsRead event);

        T on(HealthChanged event);

        T on(TemplateChanged event);

        T on(WhatsAppChangeReceived event);

        T on(TemplateCreated event);

        T on(TemplateDeleted event);

        T on(BusinessProfileChanged event);
    }

    /** A mapping that answers {@link #otherwise} for every kind it does not name (one that concerns a few kinds). */
    interface Partial<T> extends Visitor<T> {
        T otherwise(DomainEvent event);

        @Override
        default T on(Created event) {
            return otherwise(event);
        }

        @Override
        default T on(SettingsChanged event) {
            return otherwise(event);
        }

        @Override
        default T on(Activated event) {
            return otherwise(event);
        }

        @Override
        default T on(Deactivated event) {
            return otherwise(event);
        }

        @Override
        default T on(TokenExchanged event) {
            return otherwise(event);
        }

        @Override
        default T on(TokenVerified event) {
            return otherwise(event);
        }

        @Override
        default T on(RegistrationPinChosen event) {
            return otherwise(event);
        }

        @Override
        default T on(WebhookSubscribed event) {
            return otherwise(event);
        }

        @Override
        default T on(WebhookResubscribed event) {
            return otherwise(event);
        }

        @Override
        default T on(PhoneRegistered event) {
            return otherwise(event);
        }

        @Override
        default T on(VerificationCodeRequested event) {
            return otherwise(event);
        }

        @Override
        default T on(PhoneNumberVerified event) {
            return otherwise(event);
        }

        @Override
        default T on(PhoneNumberRegistered event) {
            return otherwise(event);
        }

        @Override
        default T on(OnboardingCompleted event) {
            return otherwise(event);
        }

        @Override
        default T on(ReauthorizationRequired event) {
            return otherwise(event);
        }

        @Override
        default T on(TokenRefreshed event) {
            return otherwise(event);
        }

        @Override
        default T on(PhoneNumberAdded event) {
            return otherwise(event);
        }

        @Override
        default T on(PhoneNumberChanged event) {
            return otherwise(event);
        }

        @Override
        default T on(PhoneNumberRemoved event) {
            return otherwise(event);
        }

        @Override
        default T on(AccountRemoved event) {
            return otherwise(event);
        }

        @Override
        default T on(AccountStandingChanged event) {
            return otherwise(event);
        }

        @Override
        default T on(ConfigDeleted event) {
            return otherwise(event);
        }

        @Override
        default T on(AllConfigsDeleted event) {
            return otherwise(event);
        }

        @Override
        default T on(SecretsRead event) {
            return otherwise(event);
        }

        @Override
        default T on(HealthChanged event) {
            return otherwise(event);
        }

        @Override
        default T on(TemplateChanged event) {
            return otherwise(event);
        }

        @Override
        default T on(WhatsAppChangeReceived event) {
            return otherwise(event);
        }

        @Override
        default T on(TemplateCreated event) {
            return otherwise(event);
        }

        @Override
        default T on(TemplateDeleted event) {
            return otherwise(event);
        }

        @Override
        default T on(BusinessProfileChanged event) {
            return otherwise(event);
        }
    }

    private static Set<String> checked(TenantId tenantId, Set<String> fields) {
        Objects.requireNonNull(tenantId, "tenantId");
        return Set.copyOf(fields);
    }
}
