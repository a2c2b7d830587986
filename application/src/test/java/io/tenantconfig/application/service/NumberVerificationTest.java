package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding.Call;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.in.CreatePhoneNumberUseCase;
import io.tenantconfig.application.port.in.CredentialField;
import io.tenantconfig.application.port.in.ExpectedVersion;
import io.tenantconfig.application.port.in.NumberStep;
import io.tenantconfig.application.port.in.NumberStepResult;
import io.tenantconfig.application.port.in.RemovePhoneNumberUseCase;
import io.tenantconfig.application.port.in.RequestVerificationCodeUseCase;
import io.tenantconfig.application.port.in.VerifyPhoneNumberUseCase;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.application.port.out.AuditRecord;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaFailure.Kind;
import io.tenantconfig.application.port.out.MetaPhoneNumbers.CodeMethod;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NewPhoneNumber;
import io.tenantconfig.domain.NumberVerification;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.VerificationCode;
import io.tenantconfig.domain.VerifiedName;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A number brought into use through the service: created at Meta, sent a code, verified, registered. */
class NumberVerificationTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Actor ALICE = new Actor("alice");
    private static final MetaId CREATED = MetaId.parse("106540352299001");
    private static final String WABA = TestConfigs.wabaIdOf("acme");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final ScriptedMetaOnboarding meta = new ScriptedMetaOnboarding().createsNumber(CREATED.value());
    private final TestFeatures features = TestFeatures.over(
            store, meta, variable -> Optional.empty(), OnboardingPolicy.DEFAULT, new ResolutionCounter(), CLOCK);

    /** Acme's signup shared its account and token but no number (FINISH_ONLY_WABA). */
    @BeforeEach
    void acmeHasAnAccountWithoutANumber() {
        store.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
        features.phoneNumbers()
                .removePhoneNumber()
                .removePhoneNumber(new RemovePhoneNumberUseCase.Command(
                        ACME, ALICE, MetaId.parse(TestConfigs.phoneNumberIdOf("acme")), ExpectedVersion.any()));
    }

    private NumberStepResult create() {
        return features.numberVerification()
                .createPhoneNumber()
                .create(new CreatePhoneNumberUseCase.Command(
                        ACME, ALICE, null, new NewPhoneNumber("1", "5550100", VerifiedName.parse("Acme")), null));
    }

    private NumberStepResult requestCode(MetaId number) {
        return features.numberVerification()
                .requestCode()
                .requestCode(new RequestVerificationCodeUseCase.Command(ACME, ALICE, number, CodeMethod.SMS, "en_US"));
    }

    private NumberStepResult verify(MetaId number, String code) {
        return features.numberVerification()
                .verifyPhoneNumber()
                .verify(new VerifyPhoneNumberUseCase.Command(
                        ACME, ALICE, number, code == null ? null : VerificationCode.parse(code)));
    }

    private TenantConfig acme() {
        return store.load(ACME).orElseThrow();
    }

    private PhoneNumber number(MetaId id) {
        return acme().phoneNumbers().find(id).orElseThrow();
    }

    private List<AuditAction> auditSince(int from) {
        List<AuditRecord> trail = store.auditTrail();
        return trail.subList(from, trail.size()).stream()
                .map(record -> record.entry().action())
                .toList();
    }

    private Optional<String> servedNumber() {
        return Optional.ofNullable(features.configuration()
                .configLoader()
                .resolve(ACME)
                .value(CredentialField.PHONE_NUMBER_ID)
                .value());
    }

    @Test
    void a_created_number_is_served_only_once_its_code_is_entered_and_it_is_registered_with_a_stored_pin() {
        int audit = store.auditTrail().size();

        assertThat(create()).isInstanceOf(NumberStepResult.Done.class);
        assertThat(number(CREATED).verification()).isEqualTo(NumberVerification.UNVERIFIED);
        assertThat(number(CREATED).active()).isFalse();
        assertThat(acme().needsPhoneNumber()).isTrue();
        assertThat(servedNumber())
                .as("an unverified number is never answered with")
                .isEmpty();

        assertThat(requestCode(CREATED)).isInstanceOf(NumberStepResult.Done.class);
        assertThat(number(CREATED).verification().codeRequestedAt()).isEqualTo(CLOCK.instant());

        NumberStepResult verified = verify(CREATED, "123-456");

        assertThat(verified).isInstanceOf(NumberStepResult.Done.class);
        PhoneNumber registered = number(CREATED);
        assertThat(registered.verification()).isEqualTo(NumberVerification.VERIFIED);
        assertThat(registered.active()).isTrue();
        assertThat(registered.registeredAt()).isEqualTo(CLOCK.instant());
        assertThat(registered.registrationPin()).isNotNull();
        assertThat(meta.calls())
                .containsExactly(
                        "create " + WABA + " cc=1 phone_number=5550100 verified_name=Acme",
                        "request_code " + CREATED + " SMS en_US",
                        "verify_code " + CREATED + " code=123456",
                        "register " + CREATED + " pin="
                                + registered.registrationPin().reveal());
        assertThat(auditSince(audit))
                .containsExactly(
                        AuditAction.PHONE_NUMBER_ADDED,
                        AuditAction.PHONE_NUMBER_CODE_REQUESTED,
                        AuditAction.PHONE_NUMBER_VERIFIED,
                        AuditAction.UPDATE,
                        AuditAction.PHONE_NUMBER_REGISTERED);
        assertThat(acme().needsPhoneNumber()).isFalse();
        assertThat(servedNumber()).contains(CREATED.value());
    }

    @Test
    void meta_refusing_to_create_the_number_keeps_nothing() {
        meta.failsAt(Call.CREATE_NUMBER, MetaFailure.of(Kind.REJECTED, "Phone number already in use"));
        int version = acme().version();

        NumberStepResult result = create();

        assertThat(result).isInstanceOfSatisfying(NumberStepResult.MetaFailed.class, failed -> {
            assertThat(failed.step()).isEqualTo(NumberStep.CREATE);
            assertThat(failed.failure().message()).isEqualTo("Phone number already in use");
            assertThat(failed.number()).isNull();
        });
        assertThat(acme().version()).isEqualTo(version);
        assertThat(acme().phoneNumbers().size()).isZero();
    }

    @Test
    void a_code_meta_does_not_accept_keeps_the_number_unverified_and_nothing_is_registered() {
        create();
        requestCode(CREATED);
        meta.failsAt(Call.VERIFY_CODE, MetaFailure.of(Kind.REJECTED, "Code verification failed"));

        NumberStepResult result = verify(CREATED, "000000");

        assertThat(result).isInstanceOfSatisfying(NumberStepResult.MetaFailed.class, failed -> {
            assertThat(failed.step()).isEqualTo(NumberStep.VERIFY_CODE);
            assertThat(failed.verified()).isFalse();
        });
        assertThat(number(CREATED).verification().verified()).isFalse();
        assertThat(number(CREATED).registrationPin()).isNull();
        assertThat(meta.calls()).noneMatch(call -> call.startsWith("register"));
    }

    @Test
    void a_registration_meta_refuses_keeps_the_number_verified_and_verifying_again_only_registers_with_the_same_pin() {
        create();
        requestCode(CREATED);
        meta.failsAt(
                Call.REGISTER,
                new MetaFailure(Kind.REJECTED, "Too many registration attempts", 133016, null, "AbC", null));

        NumberStepResult failed = verify(CREATED, "123456");

        assertThat(failed).isInstanceOfSatisfying(NumberStepResult.MetaFailed.class, f -> {
            assertThat(f.step()).isEqualTo(NumberStep.REGISTER);
            assertThat(f.verified()).isTrue();
        });
        PhoneNumber kept = number(CREATED);
        assertThat(kept.verification()).isEqualTo(NumberVerification.VERIFIED);
        assertThat(kept.active()).isFalse();
        assertThat(kept.registrationPin())
                .as("chosen and stored before Meta saw it")
                .isNotNull();

        meta.succeedsAgain();
        NumberStepResult retried = verify(CREATED, null);

        assertThat(retried).isInstanceOf(NumberStepResult.Done.class);
        assertThat(number(CREATED).active()).isTrue();
        assertThat(number(CREATED).registrationPin()).isEqualTo(kept.registrationPin());
        assertThat(meta.calls().stream().filter(call -> call.startsWith("verify_code")))
                .as("the code is given to Meta once")
                .hasSize(1);
        assertThat(meta.calls().stream().filter(call -> call.startsWith("register")))
                .containsOnly(
                        "register " + CREATED + " pin=" + kept.registrationPin().reveal());
    }

    @Test
    void a_number_awaiting_its_code_is_not_verified_without_one() {
        create();

        NumberStepResult result = verify(CREATED, null);

        assertThat(result)
                .isInstanceOfSatisfying(
                        NumberStepResult.Refused.class,
                        refused -> assertThat(refused.refusal().detail()).contains("code: required"));
        assertThat(meta.calls()).noneMatch(call -> call.startsWith("verify_code") || call.startsWith("register"));
    }

    @Test
    void a_registered_number_is_refused_before_meta_is_called() {
        create();
        verify(CREATED, "123456");
        int calls = meta.calls().size();
        int version = acme().version();

        assertThat(requestCode(CREATED))
                .isInstanceOfSatisfying(
                        NumberStepResult.Refused.class,
                        refused -> assertThat(refused.refusal().reason()).isEqualTo(Refusal.Reason.NUMBER_REGISTERED));
        assertThat(verify(CREATED, "123456")).isInstanceOf(NumberStepResult.Refused.class);
        assertThat(meta.calls()).hasSize(calls);
        assertThat(acme().version()).isEqualTo(version);
    }

    @Test
    void a_signup_number_meta_had_not_verified_is_verified_then_registered_with_the_pin_onboarding_chose() {
        // FINISH with an unverified number: onboarding stored it (and its PIN), Meta refused to register it.
        store.inTransaction(
                tx -> tx.insertIfAbsent(TestConfigs.aConfig("globex").build()));
        TenantId globex = TenantId.of("globex");
        MetaId signedUp = MetaId.parse(TestConfigs.phoneNumberIdOf("globex"));
        String pin = store.load(globex)
                .orElseThrow()
                .phoneNumbers()
                .find(signedUp)
                .orElseThrow()
                .registrationPin()
                .reveal();

        features.numberVerification()
                .requestCode()
                .requestCode(
                        new RequestVerificationCodeUseCase.Command(globex, ALICE, signedUp, CodeMethod.VOICE, "pt_BR"));
        NumberStepResult verified = features.numberVerification()
                .verifyPhoneNumber()
                .verify(new VerifyPhoneNumberUseCase.Command(
                        globex, ALICE, signedUp, VerificationCode.parse("654321")));

        assertThat(verified).isInstanceOf(NumberStepResult.Done.class);
        assertThat(meta.calls())
                .containsExactly(
                        "request_code " + signedUp + " VOICE pt_BR",
                        "verify_code " + signedUp + " code=654321",
                        "register " + signedUp + " pin=" + pin);
        PhoneNumber number =
                store.load(globex).orElseThrow().phoneNumbers().find(signedUp).orElseThrow();
        assertThat(number.registeredAt()).isEqualTo(CLOCK.instant());
        assertThat(number.verification().awaitsCode()).isFalse();
    }
}
