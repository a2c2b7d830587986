package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.Template;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the rest of the platform hears of ({@code health.changed}, {@code token.refreshed},
 * {@code reauthorization.required}, {@code whatsapp.change}, {@code account.standing_changed}, {@code template.changed}), written to the outbox in the transaction of the change it
 * reports and delivered from there. {@code data} holds no secret. {@link #of} is the one place
 * that says which events the platform hears of, and what they say.
 */
public record PlatformEvent(String type, TenantId tenantId, Instant occurredAt, Map<String, Object> data) {

    public static final String HEALTH_CHANGED = "health.changed";
    public static final String TOKEN_REFRESHED = "token.refreshed";
    public static final String REAUTHORIZATION_REQUIRED = "reauthorization.required";
    /** A change Meta sent for one of the tenant's numbers or its account, with Meta's {@code value} unchanged. */
    public static final String WHATSAPP_CHANGE = "whatsapp.change";
    /** Meta reported a change in the standing of the tenant's account (uninstalled, disabled, reinstated...). */
    public static final String ACCOUNT_STANDING_CHANGED = "account.standing_changed";
    /** The status, category or quality of one of the tenant's templates changed. */
    public static final String TEMPLATE_CHANGED = "template.changed";

    public PlatformEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        // In the order given, so the JSON delivered reads as it was written.
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** What the platform hears of {@code event}, which happened at {@code occurredAt}; empty for a fact it is not told. */
    public static Optional<PlatformEvent> of(DomainEvent event, Instant occurredAt) {
        return event.accept(new Announced(occurredAt));
    }

    /** The events announced, each with its data. */
    private record Announced(Instant at) implements DomainEvent.Partial<Optional<PlatformEvent>> {

        /** Every other fact is kept to the service (and its audit trail). */
        @Override
        public Optional<PlatformEvent> otherwise(DomainEvent event) {
            return Optional.empty();
        }

        /** {@code health.changed}: the new state, the one before, and the new reasons' codes. */
        @Override
        public Optional<PlatformEvent> on(DomainEvent.HealthChanged event) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("state", event.after().state().name());
            data.put("previous_state", event.before().state().name());
            data.put(
                    "reasons",
                    event.after().reasons().stream().map(r -> r.code().name()).toList());
            return announce(HEALTH_CHANGED, event, data);
        }

        /** {@code token.refreshed}: the new expiry; none when the extended token never expires. */
        @Override
        public Optional<PlatformEvent> on(DomainEvent.TokenRefreshed event) {
            return announce(
                    TOKEN_REFRESHED,
                    event,
                    event.expiresAt() == null
                            ? Map.of()
                            : Map.of("token_expires_at", event.expiresAt().toString()));
        }

        /** {@code reauthorization.required}, when a health check found it: onboarding tells its own caller in its answer. */
        @Override
        public Optional<PlatformEvent> on(DomainEvent.ReauthorizationRequired event) {
            return event.foundBy() == DomainEvent.ReauthorizationRequired.FoundBy.HEALTH_CHECK
                    ? announce(REAUTHORIZATION_REQUIRED, event, Map.of())
                    : Optional.empty();
        }

        /** {@code account.standing_changed}: the account, its standing now, whether the account still sends, and Meta's words. */
        @Override
        public Optional<PlatformEvent> on(DomainEvent.AccountStandingChanged event) {
            AccountStanding standing = event.standing();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("waba_id", event.wabaId().value());
            data.put("standing", standing.status().name());
            data.put("serving", standing.serving());
            data.put("event", standing.event());
            data.put("detail", standing.detail());
            return announce(ACCOUNT_STANDING_CHANGED, event, data);
        }

        /**
         * {@code whatsapp.change}: {@code phone_number_id} (null for a change about the account),
         * {@code waba_id}, {@code field} and Meta's {@code value} as it was sent.
         */
        @Override
        public Optional<PlatformEvent> on(DomainEvent.WhatsAppChangeReceived event) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("phone_number_id", valueOf(event.phoneNumberId()));
            data.put("waba_id", valueOf(event.wabaId()));
            data.put("field", event.field());
            data.put("value", new JsonText(event.valueJson()));
            return announce(WHATSAPP_CHANGE, event, data);
        }

        /**
         * {@code template.changed}: the account, the template's name and language, which of
         * status, category and quality changed, each now and before ({@code null} when the
         * template was not known before), and Meta's rejection reason.
         */
        @Override
        public Optional<PlatformEvent> on(DomainEvent.TemplateChanged event) {
            Template after = event.change().after();
            Template before = event.change().before();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("waba_id", event.wabaId().value());
            data.put("name", after.name().value());
            data.put("language", after.language().value());
            data.put("changed", List.copyOf(event.change().changed()));
            data.put("status", after.status().value());
            data.put("previous_status", before == null ? null : before.status().value());
            data.put("category", nameOf(after.category()));
            data.put("previous_category", before == null ? null : nameOf(before.category()));
            data.put("quality", after.quality() == null ? null : after.quality().value());
            data.put(
                    "previous_quality",
                    before == null || before.quality() == null
                            ? null
                            : before.quality().value());
            data.put("rejection_reason", after.rejectionReason());
            return announce(TEMPLATE_CHANGED, event, data);
        }

        private static String nameOf(Enum<?> value) {
            return value == null ? null : value.name();
        }

        private Optional<PlatformEvent> announce(String type, DomainEvent event, Map<String, Object> data) {
            return Optional.of(new PlatformEvent(type, event.tenantId(), at, data));
        }

        private static String valueOf(MetaId id) {
            return id == null ? null : id.value();
        }
    }
}
