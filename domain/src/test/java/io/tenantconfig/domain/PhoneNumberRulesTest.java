package io.tenantconfig.domain;

import static io.tenantconfig.domain.TestOutcomes.changed;
import static io.tenantconfig.domain.TestUpdates.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneNumberRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC);
    private static final MetaId SUPPORT = MetaId.parse("1001");
    private static final MetaId SALES = MetaId.parse("1002");
    private static final MetaId GERMANY = MetaId.parse("1003");

    /** A configuration of WABA 500 with the support number only (the default). */
    private static TenantConfig withSupportNumber() {
        return changed(TenantConfig.create(
                        TenantId.of("acme"),
                        UserId.of("alice"),
                        update().wabaId("500")
                                .phoneNumberId("1001")
                                .displayPhoneNumber("+1 555-0100")
                                .build(),
                        CLOCK))
                .config();
    }

    private static TenantConfig withThreeNumbers() {
        TenantConfig two = changed(withSupportNumber().addPhoneNumber(number(SALES, "Sales"), TestLimits.MOST, CLOCK))
                .config();
        return changed(two.addPhoneNumber(number(GERMANY, "Germany"), TestLimits.MOST, CLOCK))
                .config();
    }

    private static PhoneNumber number(MetaId id, String label) {
        return PhoneNumber.added(id, null, null, NumberLabel.parse(label));
    }

    private static List<String> ids(TenantConfig config) {
        return config.phoneNumbers().all().stream().map(n -> n.id().value()).toList();
    }

    private static TenantConfig withoutNumbers() {
        return changed(TenantConfig.create(TenantId.of("acme"), UserId.of("alice"), SettingsUpdate.NONE, CLOCK))
                .config();
    }

    private static PhoneNumberUpdate makingDefault(boolean isDefault) {
        return new PhoneNumberUpdate(FieldUpdate.keep(), FieldUpdate.keep(), FieldUpdate.to(isDefault));
    }

    @Test
    void a_tenant_holds_several_numbers_in_the_order_added_and_the_first_is_the_default() {
        TenantConfig config = withThreeNumbers();

        assertThat(ids(config)).containsExactly("1001", "1002", "1003");
        assertThat(config.defaultNumber().orElseThrow().id()).isEqualTo(SUPPORT);
        assertThat(config.phoneNumbers().find(SALES).orElseThrow().label().value())
                .isEqualTo("Sales");
        assertThat(config.phoneNumbers().find(SALES).orElseThrow().active()).isTrue();
    }

    @Test
    void the_first_number_added_to_a_configuration_without_numbers_becomes_the_default() {
        Changed added = changed(withoutNumbers().addPhoneNumber(number(SALES, "Sales"), TestLimits.MOST, CLOCK));

        assertThat(added.config().phoneNumbers().defaultId()).isEqualTo(SALES);
        assertThat(added.event()).isInstanceOf(DomainEvent.PhoneNumberAdded.class);
        assertThat(added.event().fields()).containsExactlyInAnyOrder("phone_number_id", "phone_numbers.1002");
    }

    @Test
    void adding_names_only_the_new_number_when_there_is_a_default_already() {
        Changed added = changed(withSupportNumber().addPhoneNumber(number(SALES, "Sales"), TestLimits.MOST, CLOCK));

        assertThat(added.event().fields()).containsExactly("phone_numbers.1002");
    }

    @Test
    void a_number_cannot_be_added_twice_nor_beyond_the_limit() {
        TenantConfig config = withThreeNumbers();

        assertThat(config.addPhoneNumber(number(SALES, "Again"), TestLimits.MOST, CLOCK))
                .isEqualTo(new Refusal(Refusal.Reason.ALREADY_ADDED, "the phone number 1002 is one of yours already"));
        assertThat(config.addPhoneNumber(number(MetaId.parse("1004"), "Fourth"), TestLimits.numbers(3), CLOCK))
                .isEqualTo(new Refusal(
                        Refusal.Reason.TOO_MANY_NUMBERS,
                        "a configuration holds at most 3 phone numbers; remove one before adding another"));
        assertThat(changed(config.addPhoneNumber(number(MetaId.parse("1004"), "Fourth"), TestLimits.numbers(4), CLOCK))
                        .config()
                        .phoneNumbers()
                        .size())
                .isEqualTo(4);
    }

    @Test
    void no_configuration_holds_more_than_fifty_numbers_whatever_the_configured_limit() {
        TenantConfig config = withSupportNumber();
        for (int i = 2; i <= PhoneNumbers.MOST; i++) {
            config = changed(config.addPhoneNumber(number(MetaId.parse("2" + i), "n" + i), TestLimits.MOST, CLOCK))
                    .config();
        }

        TenantConfig full = config;
        Refusal tooMany = new Refusal(
                Refusal.Reason.TOO_MANY_NUMBERS,
                "a configuration holds at most 50 phone numbers; remove one before adding another");
        assertThat(full.phoneNumbers().size()).isEqualTo(50);
        assertThat(full.addPhoneNumber(number(MetaId.parse("3000"), "one more"), TestLimits.MOST, CLOCK))
                .isEqualTo(tooMany);
        assertThat(full.phoneNumbers().added(number(MetaId.parse("3000"), "one more"), 1000))
                .isEqualTo(Ruling.refused(tooMany.reason(), tooMany.detail()));
        assertThatThrownBy(() -> new Limits(1000, Accounts.MOST))
                .as("the service cannot be configured to allow more")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void making_a_number_the_default_makes_the_previous_default_an_ordinary_number() {
        Changed changed = changed(withThreeNumbers().changePhoneNumber(SALES, makingDefault(true), CLOCK));

        assertThat(changed.config().phoneNumbers().defaultId()).isEqualTo(SALES);
        assertThat(ids(changed.config())).containsExactly("1001", "1002", "1003");
        assertThat(changed.event()).isInstanceOf(DomainEvent.PhoneNumberChanged.class);
        assertThat(changed.event().fields())
                .containsExactlyInAnyOrder(
                        "phone_number_id",
                        "display_phone_number",
                        "phone_numbers.1001.is_default",
                        "phone_numbers.1002.is_default");
    }

    @Test
    void the_default_stays_the_default_until_another_number_takes_its_place() {
        TenantConfig config = withThreeNumbers();

        assertThat(config.changePhoneNumber(SUPPORT, makingDefault(false), CLOCK))
                .isEqualTo(new Refusal(
                        Refusal.Reason.DEFAULT_NUMBER_NEEDED,
                        "the phone number 1001 stays the default until another number is made the default"));
        assertThat(changed(config.changePhoneNumber(SALES, makingDefault(false), CLOCK))
                        .event()
                        .fields())
                .as("an ordinary number is not the default already")
                .isEmpty();
    }

    @Test
    void a_number_can_be_relabelled_and_taken_out_of_use() {
        Changed changed = changed(withThreeNumbers()
                .changePhoneNumber(
                        GERMANY,
                        new PhoneNumberUpdate(
                                FieldUpdate.to(NumberLabel.parse("Deutschland")),
                                FieldUpdate.to(false),
                                FieldUpdate.keep()),
                        CLOCK));

        PhoneNumber germany = changed.config().phoneNumbers().find(GERMANY).orElseThrow();
        assertThat(germany.label().value()).isEqualTo("Deutschland");
        assertThat(germany.active()).isFalse();
        assertThat(changed.event().fields())
                .containsExactlyInAnyOrder("phone_numbers.1003.label", "phone_numbers.1003.is_active");
    }

    @Test
    void removing_a_number_forgets_it_but_the_default_goes_only_when_it_is_the_last() {
        TenantConfig config = withThreeNumbers();

        Changed removed = changed(config.removePhoneNumber(SALES, CLOCK));

        assertThat(ids(removed.config())).containsExactly("1001", "1003");
        assertThat(removed.event()).isInstanceOf(DomainEvent.PhoneNumberRemoved.class);
        assertThat(removed.event().fields()).containsExactly("phone_numbers.1002");
        assertThat(config.removePhoneNumber(SUPPORT, CLOCK))
                .isEqualTo(new Refusal(
                        Refusal.Reason.DEFAULT_NUMBER_NEEDED,
                        "the phone number 1001 is the default; make another number the default before removing it"));
        assertThat(changed(withSupportNumber().removePhoneNumber(SUPPORT, CLOCK))
                        .config()
                        .phoneNumbers())
                .isEqualTo(PhoneNumbers.NONE);
    }

    @Test
    void a_number_the_tenant_does_not_have_cannot_be_changed_or_removed() {
        TenantConfig config = withThreeNumbers();
        MetaId unknown = MetaId.parse("777");

        Refusal notTheirs =
                new Refusal(Refusal.Reason.UNKNOWN_NUMBER, "the phone number 777 is not one of this configuration's");

        assertThat(config.removePhoneNumber(unknown, CLOCK)).isEqualTo(notTheirs);
        assertThat(config.changePhoneNumber(
                        unknown,
                        new PhoneNumberUpdate(FieldUpdate.keep(), FieldUpdate.to(false), FieldUpdate.keep()),
                        CLOCK))
                .isEqualTo(notTheirs);
    }

    @Test
    void writing_phone_number_id_replaces_the_default_and_keeps_the_other_numbers() {
        Changed changed = changed(
                withThreeNumbers().changeSettings(update().phoneNumberId("1009").build(), CLOCK));

        assertThat(ids(changed.config())).containsExactly("1002", "1003", "1009");
        assertThat(changed.config().phoneNumbers().defaultId().value()).isEqualTo("1009");
        assertThat(changed.config().defaultNumber().orElseThrow().displayNumber())
                .as("a new number has its own display number, not the old one's")
                .isNull();
    }

    @Test
    void writing_phone_number_id_of_a_number_the_tenant_has_makes_it_the_default_in_place_of_the_old_one() {
        TenantConfig changed = changed(withThreeNumbers()
                        .changeSettings(update().phoneNumberId("1003").build(), CLOCK))
                .config();

        assertThat(ids(changed)).containsExactly("1002", "1003");
        assertThat(changed.defaultNumber().orElseThrow().label().value())
                .as("it keeps its own settings")
                .isEqualTo("Germany");
    }

    @Test
    void clearing_phone_number_id_removes_the_last_number_only() {
        assertThat(changed(withSupportNumber()
                                .changeSettings(update().phoneNumberId(null).build(), CLOCK))
                        .config()
                        .phoneNumbers())
                .isEqualTo(PhoneNumbers.NONE);
        assertThat(withThreeNumbers()
                        .changeSettings(update().phoneNumberId(null).build(), CLOCK))
                .isEqualTo(new Refusal(
                        Refusal.Reason.DEFAULT_NUMBER_NEEDED,
                        "the phone number 1001 is the default; make another number the default before removing it"));
    }

    @Test
    void a_display_number_needs_a_number_to_show() {
        TenantConfig none = withoutNumbers();

        assertThat(none.changeSettings(update().displayPhoneNumber("+1 555").build(), CLOCK))
                .isEqualTo(new Refusal(
                        Refusal.Reason.INCOMPLETE,
                        "a display_phone_number needs a phone_number_id: it shows that number"));
        assertThat(changed(none.changeSettings(update().displayPhoneNumber(null).build(), CLOCK))
                        .event()
                        .fields())
                .as("clearing what is not there changes nothing")
                .isEmpty();
    }

    @Test
    void the_account_cannot_be_swapped_while_numbers_of_the_old_one_remain() {
        TenantConfig config = withThreeNumbers();

        assertThat(config.changeSettings(update().wabaId("600").build(), CLOCK))
                .isEqualTo(new Refusal(
                        Refusal.Reason.NUMBERS_IN_ANOTHER_ACCOUNT,
                        "the phone numbers [1001, 1002, 1003] belong to the WhatsApp Business Account 500; remove them"
                                + " (or replace the default number in the same request) before changing waba_id"));
        TenantConfig moved = changed(withSupportNumber()
                        .changeSettings(
                                update().wabaId("600").phoneNumberId("2001").build(), CLOCK))
                .config();
        assertThat(moved.account().wabaId().value()).isEqualTo("600");
        assertThat(ids(moved)).containsExactly("2001");
    }

    @Test
    void a_change_that_breaks_several_rules_is_refused_for_the_first_it_breaks() {
        assertThat(withThreeNumbers()
                        .changeSettings(
                                update().phoneNumberId(null).wabaId("600").build(), CLOCK))
                .isEqualTo(new Refusal(
                        Refusal.Reason.DEFAULT_NUMBER_NEEDED,
                        "the phone number 1001 is the default; make another number the default before removing it"));
    }

    @Test
    void an_account_can_be_filled_in_for_numbers_added_before_it() {
        TenantConfig numbersFirst = changed(TenantConfig.create(
                        TenantId.of("acme"),
                        UserId.of("alice"),
                        update().phoneNumberId("1001").build(),
                        CLOCK))
                .config();

        assertThat(changed(numbersFirst.changeSettings(update().wabaId("500").build(), CLOCK))
                        .config()
                        .account()
                        .wabaId()
                        .value())
                .isEqualTo("500");
    }

    @Test
    void the_numbers_refuse_a_second_default_or_a_default_that_is_not_theirs() {
        PhoneNumber support = number(SUPPORT, "Support");

        assertThatThrownBy(() -> new PhoneNumbers(List.of(support, support), SUPPORT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumbers(List.of(support), SALES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumbers(List.of(support), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumbers(List.of(), SUPPORT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_a_number_of_the_list_can_become_its_default_or_be_changed_in_it() {
        PhoneNumbers numbers = withThreeNumbers().phoneNumbers();
        MetaId unknown = MetaId.parse("777");

        assertThatThrownBy(() -> numbers.withDefault(unknown)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> numbers.changed(unknown, number -> number.inUse(false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the number 777 is not one of the list");
    }

    @Test
    void onboarding_steps_need_the_signed_up_number() {
        TenantConfig byHand = withSupportNumber();

        assertThatThrownBy(() -> byHand.registrationPinChosen(Secret.of("123456"), CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("onboarding has no number of this configuration");
        assertThatThrownBy(() -> byHand.phoneRegistered(CLOCK)).isInstanceOf(IllegalStateException.class);
    }
}
