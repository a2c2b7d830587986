package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.domain.health.AccountHealth;
import io.tenantconfig.domain.health.Health;
import io.tenantconfig.domain.health.HealthReason;
import io.tenantconfig.domain.health.NumberHealth;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's health as the API shows it: the state, the reasons in words the tenant can act on
 * (worst first), when the last check that reached Meta ran, when the primary account's token
 * expires, what Meta said about each number, when the latest attempt could not reach Meta (for
 * an account or all of them), its time and error; and each WhatsApp Business Account with its own
 * state and reasons (the tenant's state is the worst of them).
 */
public record HealthView(
        @JsonProperty("state") String state,
        @JsonProperty("reasons") List<Reason> reasons,
        @JsonProperty("checked_at") String checkedAt,
        @JsonProperty("token_expires_at") String tokenExpiresAt,
        @JsonProperty("phone_numbers") List<Number> phoneNumbers,
        @JsonProperty("failed_at") String failedAt,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("accounts") List<Account> accounts) {

    public record Reason(
            @JsonProperty("code") String code,
            @JsonProperty("state") String state,
            @JsonProperty("message") String message) {

        static Reason of(HealthReason reason) {
            return new Reason(reason.code().name(), reason.state().name(), reason.message());
        }
    }

    public record Number(
            @JsonProperty("phone_number_id") String phoneNumberId,
            @JsonProperty("status") String status,
            @JsonProperty("quality_rating") String qualityRating) {

        static Number of(NumberHealth number) {
            return new Number(number.phoneNumberId().value(), number.status(), number.qualityRating());
        }
    }

    /** One WhatsApp Business Account: its state and reasons (those of the tenant's that are about it), its token's expiry. */
    public record Account(
            @JsonProperty("waba_id") String wabaId,
            @JsonProperty("state") String state,
            @JsonProperty("reasons") List<Reason> reasons,
            @JsonProperty("token_expires_at") String tokenExpiresAt) {

        static Account of(Health health, AccountHealth account) {
            return new Account(
                    account.wabaId() == null ? null : account.wabaId().value(),
                    health.stateOf(account.wabaId()).name(),
                    health.reasonsOf(account.wabaId()).stream().map(Reason::of).toList(),
                    time(account.tokenExpiresAt()));
        }
    }

    static HealthView of(Health health) {
        return new HealthView(
                health.state().name(),
                health.reasons().stream().map(Reason::of).toList(),
                time(health.checkedAt()),
                time(health.tokenExpiresAt()),
                health.numbers().stream().map(Number::of).toList(),
                time(health.failedAt()),
                health.lastError(),
                health.everyAccount().stream()
                        .map(account -> Account.of(health, account))
                        .toList());
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
