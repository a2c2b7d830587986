package io.tenantconfig.domain;

import static io.tenantconfig.domain.TestOutcomes.changed;
import static io.tenantconfig.domain.TestUpdates.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A number Meta creates at the tenant's request: kept unverified and out of use until its code is entered and it is registered. */
class NumberVerificationRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);
    private static final MetaId WABA = MetaId.parse("500");
    private static final MetaId CREATED = MetaId.parse("1906385232743451");
    private static final NewPhoneNumber ACME = new NewPhoneNumber("1", "5550100", VerifiedName.parse("Acme"));

    /** A tenant whose signup shared account 500 with its token, but no number (FINISH_ONLY_WABA). */
    private static TenantConfig withAccountOnly() {
        return changed(TenantConfig.create(
                        TenantId.of("acme"),
                        UserId.of("alice"),
                        update().wabaId("500").accessToken("EAAG-token-of-acme").build(),
                        CLOCK))
                .config();
    }

    private static TenantConfig withCreatedNumber() {
        return changed(withAccountOnly()
                        .addPhoneNumber(PhoneNumber.created(CREATED, WABA, ACME, null), TestLimits.MOST, CLOCK))
                .config();
    }

    private static PhoneNumber created(TenantConfig config) {
        return config.phoneNumbers().find(CREATED).orElseThrow();
    }

    @Test
    void a_created_number_is_kept_unverified_out_of_use_and_the_tenant_still_needs_a_number() {
        TenantConfig config = withCreatedNumber();

        PhoneNumber number = created(config);
        assertThat(number.verification()).isEqualTo(NumberVerification.UNVERIFIED);
        assertThat(number.active()).isFalse();
        assertThat(number.displayNumber().value()).isEqualTo("+1 5550100");
        assertThat(number.verifiedName().value()).isEqualTo("Acme");
        assertThat(config.needsPhoneNumber()).isTrue();
    }

    @Test
    void an_unverified_number_cannot_be_put_in_use_by_hand() {
        Outcome outcome = withCreatedNumber()
                .changePhoneNumber(
                        CREATED,
                        new PhoneNumberUpdate(FieldUpdate.keep(), FieldUpdate.to(true), FieldUpdate.keep()),
                        CLOCK);

        assertThat(outcome).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.reason()).isEqualTo(Refusal.Reason.NUMBER_NOT_VERIFIED);
            assertThat(refusal.detail()).contains(CREATED.value()).contains("verify-code");
        });
    }

    @Test
    void code_verification_and_registration_each_change_the_number_with_their_own_event() {
        Changed requested = changed(withCreatedNumber().verificationCodeRequested(CREATED, CLOCK));
        assertThat(requested.event()).isInstanceOf(DomainEvent.VerificationCodeRequested.class);
        assertThat(created(requested.config()).verification().codeRequestedAt()).isEqualTo(CLOCK.instant());

        Changed verified = changed(requested.config().phoneNumberVerified(CREATED, CLOCK));
        assertThat(verified.event()).isInstanceOf(DomainEvent.PhoneNumberVerified.class);
        assertThat(created(verified.config()).verification()).isEqualTo(NumberVerification.VERIFIED);
        assertThat(created(verified.config()).active()).isFalse();

        Changed pin = changed(verified.config().numberPinChosen(CREATED, Secret.of("123456"), CLOCK));
        assertThat(pin.event()).isInstanceOf(DomainEvent.RegistrationPinChosen.class);

        Changed registered = changed(pin.config().phoneNumberRegistered(CREATED, CLOCK));
        assertThat(registered.event()).isInstanceOf(DomainEvent.PhoneNumberRegistered.class);
        PhoneNumber number = created(registered.config());
        assertThat(number.active()).isTrue();
        assertThat(number.registeredAt()).isEqualTo(CLOCK.instant());
        assertThat(number.registrationPin()).isEqualTo(Secret.of("123456"));
        assertThat(registered.config().needsPhoneNumber()).isFalse();
    }

    @Test
    void a_number_is_registered_only_once_verified() {
        Outcome outcome = withCreatedNumber().phoneNumberRegistered(CREATED, CLOCK);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Refusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(Refusal.Reason.NUMBER_NOT_VERIFIED));
    }

    @Test
    void a_registered_number_and_a_business_app_number_have_nothing_to_verify() {
        TenantConfig verified =
                changed(withCreatedNumber().phoneNumberVerified(CREATED, CLOCK)).config();
        TenantConfig withPin = changed(verified.numberPinChosen(CREATED, Secret.of("123456"), CLOCK))
                .config();
        TenantConfig registered =
                changed(withPin.phoneNumberRegistered(CREATED, CLOCK)).config();

        assertThat(registered.refusesVerification(CREATED)).hasValueSatisfying(refusal -> {
            assertThat(refusal.reason()).isEqualTo(Refusal.Reason.NUMBER_REGISTERED);
            assertThat(refusal.detail()).contains("registered for the Cloud API already");
        });
        assertThat(registered.verificationCodeRequested(CREATED, CLOCK)).isInstanceOf(Refusal.class);
        assertThat(registered.refusesVerification(MetaId.parse("999")))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.UNKNOWN_NUMBER));
    }

    @Test
    void a_number_meta_verified_needs_no_code_until_one_is_requested() {
        TenantConfig added = changed(withAccountOnly()
                        .addPhoneNumber(PhoneNumber.added(CREATED, WABA, null, null), TestLimits.MOST, CLOCK))
                .config();
        assertThat(created(added).verification().awaitsCode()).isFalse();
        assertThat(added.phoneNumberVerified(CREATED, CLOCK)).isInstanceOf(Outcome.Unchanged.class);

        TenantConfig asked =
                changed(added.verificationCodeRequested(CREATED, CLOCK)).config();
        assertThat(created(asked).verification().awaitsCode()).isTrue();
        assertThat(created(asked).active())
                .as("a number in use stays in use while its code is awaited")
                .isTrue();
        TenantConfig entered =
                changed(asked.phoneNumberVerified(CREATED, CLOCK)).config();
        assertThat(created(entered).verification().awaitsCode()).isFalse();
    }

    @Test
    void a_signup_naming_a_number_still_to_be_verified_here_is_metas_word_that_it_is_verified() {
        for (SignupFinish finish :
                new SignupFinish[] {SignupFinish.FINISH, SignupFinish.FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING}) {
            Changed signedUp = changed(withCreatedNumber()
                    .reauthorize(
                            UserId.of("alice"),
                            new SignupAccount(finish, WABA, CREATED, null, null, java.util.List.of()),
                            new AccessGrant(Secret.of("EAAG-token-of-the-signup"), null),
                            TestLimits.MOST,
                            CLOCK));

            PhoneNumber number = created(signedUp.config());
            assertThat(number.verification()).as(finish.name()).isEqualTo(NumberVerification.VERIFIED);
            assertThat(number.active()).as(finish.name()).isTrue();
            assertThat(number.coexistence()).isEqualTo(finish.coexistence());
        }
    }

    @Test
    void a_new_number_needs_an_account_of_the_tenants_with_a_token_and_room() {
        TenantConfig noAccount = changed(
                        TenantConfig.create(TenantId.of("acme"), UserId.of("alice"), SettingsUpdate.NONE, CLOCK))
                .config();
        assertThat(noAccount.refusesNewNumber(null, TestLimits.MOST))
                .hasValueSatisfying(r -> assertThat(r.detail()).contains("finish the WhatsApp signup first"));
        assertThat(withAccountOnly().refusesNewNumber(MetaId.parse("777"), TestLimits.MOST))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.UNKNOWN_ACCOUNT));
        assertThat(withCreatedNumber().refusesNewNumber(null, TestLimits.numbers(1)))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.TOO_MANY_NUMBERS));
        TenantConfig noToken = changed(TenantConfig.create(
                        TenantId.of("acme"),
                        UserId.of("alice"),
                        update().wabaId("500").build(),
                        CLOCK))
                .config();
        assertThat(noToken.refusesNewNumber(null, TestLimits.MOST))
                .hasValueSatisfying(r -> assertThat(r.detail()).contains("has no access token"));
        assertThat(withAccountOnly().refusesNewNumber(null, TestLimits.MOST)).isEmpty();
        assertThat(withAccountOnly().newNumberAccount(null).orElseThrow().wabaId())
                .isEqualTo(WABA);
    }

    @Test
    void an_unverified_number_in_use_or_registered_cannot_even_be_made() {
        assertThatThrownBy(() -> new PhoneNumber(
                        CREATED, WABA, null, null, null, true, null, null, false, NumberVerification.UNVERIFIED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumber(
                        CREATED,
                        WABA,
                        null,
                        null,
                        null,
                        false,
                        CLOCK.instant(),
                        null,
                        false,
                        NumberVerification.UNVERIFIED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_new_number_is_an_e164_number_in_two_parts() {
        assertThat(new NewPhoneNumber("+44", "20 7946 0958", VerifiedName.parse("Acme")).number())
                .isEqualTo("2079460958");
        assertThatThrownBy(() -> NewPhoneNumber.countryCode("0")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> NewPhoneNumber.countryCode("1234")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> NewPhoneNumber.number("555")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> NewPhoneNumber.number("555-abc-0100")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new NewPhoneNumber("351", "1234567890123", VerifiedName.parse("Acme")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("15 digits");
    }

    @Test
    void a_verification_code_is_six_digits_and_never_printed() {
        assertThat(VerificationCode.parse("123-456").reveal()).isEqualTo("123456");
        assertThat(VerificationCode.parse("654321")).hasToString("VerificationCode[******]");
        for (String malformed : new String[] {"98765", "9876543", "98a765", "", " ", "987 654"}) {
            assertThatThrownBy(() -> VerificationCode.parse(malformed))
                    .as(malformed)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageNotContaining(malformed.isBlank() ? "\u0000" : malformed);
        }
    }
}
