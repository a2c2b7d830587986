package io.tenantconfig.application.service;

import static io.tenantconfig.domain.TestOutcomes.changed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.ScriptedMetaOnboarding;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.fixtures.TestFeatures;
import io.tenantconfig.application.port.in.AddPhoneNumberUseCase;
import io.tenantconfig.application.port.in.ChangePhoneNumberUseCase;
import io.tenantconfig.application.port.in.CreateConfigUseCase;
import io.tenantconfig.application.port.in.CredentialField;
import io.tenantconfig.application.port.in.ExpectedVersion;
import io.tenantconfig.application.port.in.OnboardUseCase;
import io.tenantconfig.application.port.in.OnboardingResult;
import io.tenantconfig.application.port.in.RemovePhoneNumberUseCase;
import io.tenantconfig.application.port.in.WriteResult;
import io.tenantconfig.application.port.out.AuditAction;
import io.tenantconfig.domain.FieldUpdate;
import io.tenantconfig.domain.Limits;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NumberLabel;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumberUpdate;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.Refusal;
import io.tenantconfig.domain.SignupAccount;
import io.tenantconfig.domain.SignupCode;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.TestUpdates;
import io.tenantconfig.testing.SecretValues;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The phone-number use cases, onboarding a further number, and the loader asked by number. */
class PhoneNumbersTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Actor ALICE = new Actor("alice");
    private static final MetaId SALES = MetaId.parse("8002");

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final ScriptedMetaOnboarding meta = new ScriptedMetaOnboarding();
    private final TestFeatures features = TestFeatures.over(
            store,
            meta,
            variable -> Optional.empty(),
            OnboardingPolicy.DEFAULT,
            new ResolutionCounter(),
            Clock.fixed(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void twoTenants() {
        store.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
        store.inTransaction(
                tx -> tx.insertIfAbsent(TestConfigs.aConfig("globex").build()));
    }

    private WriteResult add(TenantId tenant, MetaId number, ExpectedVersion expected) {
        return features.phoneNumbers()
                .addPhoneNumber()
                .addPhoneNumber(new AddPhoneNumberUseCase.Command(
                        tenant, ALICE, PhoneNumber.added(number, null, null, NumberLabel.parse("Sales")), expected));
    }

    private TenantConfig acme() {
        return store.load(ACME).orElseThrow();
    }

    @Test
    void an_added_number_is_stored_audited_and_answered_for() {
        WriteResult result = add(ACME, SALES, ExpectedVersion.exactly(1));

        assertThat(result).isEqualTo(new WriteResult.Done(acme()));
        assertThat(acme().version()).isEqualTo(2);
        assertThat(acme().phoneNumbers().find(SALES)).isPresent();
        assertThat(store.auditTrail().get(store.auditTrail().size() - 1).entry().action())
                .isEqualTo(AuditAction.PHONE_NUMBER_ADDED);
        assertThat(features.configuration().configLoader().resolve(ACME, SALES))
                .hasValueSatisfying(credentials -> assertThat(credentials
                                .value(CredentialField.PHONE_NUMBER_ID)
                                .value())
                        .isEqualTo("8002"));
        assertThat(features.configuration()
                        .configLoader()
                        .resolve(ACME)
                        .value(CredentialField.PHONE_NUMBER_ID)
                        .value())
                .as("the default number is still the first")
                .isEqualTo(TestConfigs.phoneNumberIdOf("acme"));
        assertThat(features.configuration().configLoader().ownerOfNumber(SALES))
                .contains(new NumberOwner(ACME, true, MetaId.parse(TestConfigs.wabaIdOf("acme")), SALES, false));
    }

    @Test
    void a_number_of_another_tenant_is_refused_and_nothing_changes() {
        MetaId globexNumber = MetaId.parse(TestConfigs.phoneNumberIdOf("globex"));
        int auditBefore = store.auditTrail().size();

        WriteResult result = add(ACME, globexNumber, ExpectedVersion.any());

        assertThat(result).isInstanceOfSatisfying(WriteResult.Refused.class, refused -> {
            assertThat(refused.refusal().reason()).isEqualTo(Refusal.Reason.TAKEN_BY_ANOTHER_TENANT);
            assertThat(refused.refusal().detail()).doesNotContain("globex");
        });
        assertThat(acme().version()).isEqualTo(1);
        assertThat(store.auditTrail()).hasSize(auditBefore);
    }

    @Test
    void writes_to_numbers_honour_the_expected_version_and_need_a_configuration() {
        assertThat(add(ACME, SALES, ExpectedVersion.exactly(7))).isEqualTo(new WriteResult.VersionMismatch(1));
        assertThat(add(TenantId.of("nobody"), SALES, ExpectedVersion.any())).isEqualTo(new WriteResult.NotFound());
    }

    @Test
    void a_number_can_become_the_default_and_be_removed_once_it_is_not() {
        add(ACME, SALES, ExpectedVersion.any());
        MetaId first = acme().phoneNumbers().defaultId();

        WriteResult madeDefault = features.phoneNumbers()
                .changePhoneNumber()
                .changePhoneNumber(new ChangePhoneNumberUseCase.Command(
                        ACME,
                        ALICE,
                        SALES,
                        new PhoneNumberUpdate(FieldUpdate.keep(), FieldUpdate.keep(), FieldUpdate.to(true)),
                        ExpectedVersion.any()));
        WriteResult removedFirst = features.phoneNumbers()
                .removePhoneNumber()
                .removePhoneNumber(new RemovePhoneNumberUseCase.Command(ACME, ALICE, first, ExpectedVersion.any()));
        WriteResult removedDefault = features.phoneNumbers()
                .removePhoneNumber()
                .removePhoneNumber(new RemovePhoneNumberUseCase.Command(ACME, ALICE, SALES, ExpectedVersion.any()));

        assertThat(madeDefault).isInstanceOf(WriteResult.Done.class);
        assertThat(removedFirst).isInstanceOf(WriteResult.Done.class);
        assertThat(removedDefault).as("the last number, default or not, can go").isInstanceOf(WriteResult.Done.class);
        assertThat(acme().phoneNumbers().size()).isZero();
        assertThat(store.auditTrail())
                .extracting(r -> r.entry().action())
                .containsSubsequence(
                        AuditAction.PHONE_NUMBER_ADDED,
                        AuditAction.PHONE_NUMBER_CHANGED,
                        AuditAction.PHONE_NUMBER_REMOVED,
                        AuditAction.PHONE_NUMBER_REMOVED);
        assertThat(features.configuration().configLoader().resolve(ACME, SALES)).isEmpty();
        assertThat(features.configuration().configLoader().ownerOfNumber(SALES)).isEmpty();
    }

    @Test
    void removing_the_default_while_others_remain_is_refused_and_stores_and_records_nothing() {
        add(ACME, SALES, ExpectedVersion.any());
        TenantConfig before = acme();
        int recorded = store.auditTrail().size();

        WriteResult result = features.phoneNumbers()
                .removePhoneNumber()
                .removePhoneNumber(new RemovePhoneNumberUseCase.Command(
                        ACME, ALICE, before.phoneNumbers().defaultId(), ExpectedVersion.any()));

        assertThat(result)
                .isEqualTo(new WriteResult.Refused(new Refusal(
                        Refusal.Reason.DEFAULT_NUMBER_NEEDED,
                        "the phone number " + TestConfigs.phoneNumberIdOf("acme")
                                + " is the default; make another number the default before removing it")));
        assertThat(acme()).isEqualTo(before);
        assertThat(store.auditTrail()).hasSize(recorded);
    }

    @Test
    void signing_up_a_second_number_adds_and_registers_it_and_again_changes_nothing() {
        MetaId acmeAccount = MetaId.parse(TestConfigs.wabaIdOf("acme"));
        SignupAccount secondNumber = new SignupAccount(acmeAccount, SALES, null, null);

        OnboardingResult first = signup(ACME, secondNumber);
        TenantConfig afterFirst = acme();
        OnboardingResult again = signup(ACME, secondNumber);

        assertThat(first).isInstanceOf(OnboardingResult.Completed.class);
        assertThat(afterFirst.phoneNumbers().all())
                .extracting(n -> n.id().value())
                .containsExactly(TestConfigs.phoneNumberIdOf("acme"), "8002");
        assertThat(afterFirst.phoneNumbers().defaultId().value())
                .as("the tenant had a default already")
                .isEqualTo(TestConfigs.phoneNumberIdOf("acme"));
        assertThat(afterFirst.phoneNumbers().find(SALES).orElseThrow().registeredAt())
                .isNotNull();
        assertThat(meta.calls()).anyMatch(call -> call.startsWith("register 8002 pin="));
        assertThat(again).isInstanceOf(OnboardingResult.Completed.class);
        assertThat(acme().phoneNumbers().all()).hasSize(2);
        assertThat(acme().phoneNumbers().find(SALES).orElseThrow().registrationPin())
                .as("the same number keeps the PIN it was registered with")
                .isEqualTo(afterFirst.phoneNumbers().find(SALES).orElseThrow().registrationPin());
    }

    @Test
    void signing_up_a_number_of_another_tenant_stores_nothing() {
        SignupAccount globexNumber = new SignupAccount(
                MetaId.parse(TestConfigs.wabaIdOf("acme")),
                MetaId.parse(TestConfigs.phoneNumberIdOf("globex")),
                null,
                null);
        TenantConfig before = acme();

        OnboardingResult result = signup(ACME, globexNumber);

        assertThat(result)
                .isInstanceOfSatisfying(
                        OnboardingResult.Refused.class,
                        refused -> assertThat(refused.refusal().reason())
                                .isEqualTo(Refusal.Reason.TAKEN_BY_ANOTHER_TENANT));
        assertThat(acme()).isEqualTo(before);
        assertThat(meta.calls()).containsExactly("exchange");
    }

    @Test
    void the_owner_of_an_account_is_its_tenant_with_its_default_number() {
        assertThat(features.configuration().configLoader().ownerOfAccount(MetaId.parse(TestConfigs.wabaIdOf("globex"))))
                .contains(new NumberOwner(
                        GLOBEX,
                        true,
                        MetaId.parse(TestConfigs.wabaIdOf("globex")),
                        MetaId.parse(TestConfigs.phoneNumberIdOf("globex")),
                        false));
        assertThat(features.configuration().configLoader().ownerOfAccount(MetaId.parse("1")))
                .isEmpty();
    }

    private OnboardingResult signup(TenantId tenant, SignupAccount account) {
        return features.onboarding()
                .onboard()
                .onboard(new OnboardUseCase.Command(
                        tenant, ALICE, new SignupCode(SecretValues.secret("signup-code")), account));
    }

    @Test
    void a_signup_of_one_number_too_many_stores_nothing() {
        TenantConfig full = acme();
        for (int i = 1; i < PhoneNumbers.MOST; i++) {
            full = changed(full.addPhoneNumber(
                            PhoneNumber.added(MetaId.parse(String.valueOf(7_000 + i)), null, null, null),
                            new Limits(PhoneNumbers.MOST, 20),
                            Clock.systemUTC()))
                    .config();
        }
        TenantConfig fifty = full;
        store.inTransaction(tx -> {
            tx.lock(ACME);
            return tx.save(fifty);
        });
        TenantConfig before = acme();
        int recorded = store.auditTrail().size();

        OnboardingResult result =
                signup(ACME, new SignupAccount(MetaId.parse(TestConfigs.wabaIdOf("acme")), SALES, null, null));

        assertThat(result)
                .isEqualTo(new OnboardingResult.Refused(new Refusal(
                        Refusal.Reason.TOO_MANY_NUMBERS,
                        "a configuration holds at most 50 phone numbers; remove one before adding another")));
        assertThat(acme()).isEqualTo(before);
        assertThat(store.auditTrail()).hasSize(recorded);
    }

    @Test
    void a_create_that_breaks_a_rule_or_claims_another_tenants_number_stores_nothing() {
        CreateConfigUseCase.Result displayAlone = features.configuration()
                .createConfig()
                .create(new CreateConfigUseCase.Command(
                        TenantId.of("initech"),
                        ALICE,
                        TestUpdates.update().displayPhoneNumber("+1 555").build()));
        CreateConfigUseCase.Result taken = features.configuration()
                .createConfig()
                .create(new CreateConfigUseCase.Command(
                        TenantId.of("initech"),
                        ALICE,
                        TestUpdates.update()
                                .phoneNumberId(TestConfigs.phoneNumberIdOf("globex"))
                                .build()));

        assertThat(displayAlone)
                .isInstanceOfSatisfying(
                        CreateConfigUseCase.Result.Refused.class,
                        refused -> assertThat(refused.refusal().reason()).isEqualTo(Refusal.Reason.INCOMPLETE));
        assertThat(taken)
                .isInstanceOfSatisfying(
                        CreateConfigUseCase.Result.Refused.class,
                        refused -> assertThat(refused.refusal().reason())
                                .isEqualTo(Refusal.Reason.TAKEN_BY_ANOTHER_TENANT));
        assertThat(store.load(TenantId.of("initech"))).isEmpty();
    }

    @Test
    void reading_one_numbers_credentials_in_clear_is_audited_only_when_there_is_such_a_number() {
        int before = store.auditTrail().size();

        assertThat(features.configuration().revealCredentials().reveal(ACME, MetaId.parse("1"), ALICE))
                .isEmpty();
        assertThat(store.auditTrail()).hasSize(before);
        assertThat(features.configuration()
                        .revealCredentials()
                        .reveal(ACME, MetaId.parse(TestConfigs.phoneNumberIdOf("acme")), ALICE))
                .hasValueSatisfying(credentials -> assertThat(
                                credentials.value(CredentialField.ACCESS_TOKEN).value())
                        .isEqualTo("EAAG-access-token-of-acme"));
        assertThat(store.auditTrail()).hasSize(before + 1);
        assertThat(store.auditTrail().get(before).entry().action()).isEqualTo(AuditAction.SECRETS_READ);
    }

    @Test
    void a_tenant_may_be_allowed_one_to_fifty_numbers() {
        for (int limit : new int[] {0, PhoneNumbers.MOST + 1}) {
            assertThatThrownBy(() -> new PhoneNumberFeature(store, new Limits(limit, 20), Clock.systemUTC()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a tenant may have 1 to 50 phone numbers");
        }
        PhoneNumberFeature one = new PhoneNumberFeature(store, new Limits(1, 20), Clock.systemUTC());
        assertThat(one.addPhoneNumber()
                        .addPhoneNumber(new AddPhoneNumberUseCase.Command(
                                ACME, ALICE, PhoneNumber.added(SALES, null, null, null), ExpectedVersion.any())))
                .isInstanceOfSatisfying(
                        WriteResult.Refused.class,
                        refused -> assertThat(refused.refusal().reason()).isEqualTo(Refusal.Reason.TOO_MANY_NUMBERS));
        assertThat(features.phoneNumbers()
                        .addPhoneNumber()
                        .addPhoneNumber(new AddPhoneNumberUseCase.Command(
                                ACME, ALICE, PhoneNumber.added(SALES, null, null, null), ExpectedVersion.any())))
                .isInstanceOf(WriteResult.Done.class);
    }
}
