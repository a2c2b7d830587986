package io.tenantconfig.domain;

import static io.tenantconfig.domain.TestOutcomes.changed;
import static io.tenantconfig.domain.TestUpdates.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TenantConfigTest {

    private static final Instant CREATED = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant LATER = CREATED.plus(Duration.ofHours(3));
    private static final Clock AT_CREATION = Clock.fixed(CREATED, ZoneOffset.UTC);
    private static final Clock LATER_ON = Clock.fixed(LATER, ZoneOffset.UTC);
    private static final TenantId ACME = TenantId.of("acme");
    private static final UserId ALICE = UserId.of("alice");

    /** A configuration as the store gives it back: id and version set, its token checked once. */
    private static TenantConfig aStoredConfig() {
        TenantConfig created = changed(TenantConfig.create(
                        ACME,
                        ALICE,
                        update().wabaId("123456789")
                                .phoneNumberId("987654321")
                                .accessToken("EAAG-old-token-1234")
                                .tokenExpiresAt(CREATED.plus(Duration.ofDays(60)))
                                .callbackUrl("https://acme.example/webhook")
                                .build(),
                        AT_CREATION))
                .config();
        TenantConfig verified = created.tokenVerified(
                        created.account().wabaId(), created.token().expiresAt(), null, Set.of(), AT_CREATION)
                .config();
        return new TenantConfig(
                7,
                verified.tenantId(),
                verified.accounts(),
                verified.phoneNumbers(),
                verified.app(),
                verified.callbacks(),
                verified.onboarding(),
                verified.active(),
                verified.createdAt(),
                verified.updatedAt(),
                1);
    }

    /** A configuration onboarding created for WABA 123456789 and number 987654321. */
    private static TenantConfig anOnboardedConfig() {
        return Signups.first(
                        ACME,
                        ALICE,
                        new SignupAccount(MetaId.parse("123456789"), MetaId.parse("987654321"), null, null),
                        new AccessGrant(Secret.of("EAAG-old-token-1234"), null),
                        AT_CREATION)
                .config();
    }

    @Test
    void a_new_config_is_active_not_onboarded_owned_by_its_creator_and_stamped_with_the_clock() {
        TenantConfig config = changed(
                        TenantConfig.create(ACME, ALICE, update().wabaId("1").build(), AT_CREATION))
                .config();

        assertThat(config.active()).isTrue();
        assertThat(config.onboarding().isCompleted()).isFalse();
        assertThat(config.onboarding().status()).isEqualTo(OnboardingStatus.NOT_STARTED);
        assertThat(config.onboarding().user()).isEqualTo(ALICE);
        assertThat(config.createdAt()).isEqualTo(CREATED);
        assertThat(config.updatedAt()).isEqualTo(CREATED);
        assertThat(config.id()).isZero();
        assertThat(config.version()).isZero();
    }

    @Test
    void a_new_config_may_start_with_no_settings_at_all_and_the_meta_ids_come_later() {
        Changed created = changed(TenantConfig.create(ACME, ALICE, SettingsUpdate.NONE, AT_CREATION));

        assertThat(created.config().account()).isEqualTo(WhatsAppAccount.NONE);
        assertThat(created.config().phoneNumbers()).isEqualTo(PhoneNumbers.NONE);
        assertThat(created.config().token()).isEqualTo(TokenGrant.NONE);
        assertThat(created.event()).isEqualTo(new DomainEvent.Created(ACME, Set.of()));
    }

    @Test
    void creating_names_the_fields_it_set_and_never_their_values() {
        Changed created = changed(TenantConfig.create(
                ACME, ALICE, update().accessToken("EAAG-only-a-token").build(), AT_CREATION));

        assertThat(created.event()).isInstanceOf(DomainEvent.Created.class);
        assertThat(created.event().fields()).containsExactly("access_token");
        assertThat(created.event().toString()).doesNotContain("EAAG");
    }

    @Test
    void a_new_config_may_start_inactive() {
        Changed created =
                changed(TenantConfig.create(ACME, ALICE, update().active(false).build(), AT_CREATION));

        assertThat(created.config().active()).isFalse();
        assertThat(created.event().fields()).containsExactly("is_active");
    }

    @Test
    void a_new_config_the_rules_refuse_is_not_made_and_the_refusal_says_why() {
        assertThat(TenantConfig.create(
                        ACME, ALICE, update().displayPhoneNumber("+1 555").build(), AT_CREATION))
                .isEqualTo(new Refusal(
                        Refusal.Reason.INCOMPLETE,
                        "a display_phone_number needs a phone_number_id: it shows that number"));
    }

    @Test
    void a_change_of_settings_changes_only_the_fields_it_names_and_says_which() {
        TenantConfig stored = aStoredConfig();

        Changed changed = changed(stored.changeSettings(
                update().callbackUrl("https://new-url.com/webhook").build(), LATER_ON));

        TenantConfig updated = changed.config();
        assertThat(updated.callbacks().callbackUrl().value()).isEqualTo("https://new-url.com/webhook");
        assertThat(updated.token()).isEqualTo(stored.token());
        assertThat(updated.account()).isEqualTo(stored.account());
        assertThat(updated.updatedAt()).isEqualTo(LATER);
        assertThat(updated.createdAt()).isEqualTo(CREATED);
        assertThat(updated.version())
                .as("the version it was read at; the store moves it on")
                .isEqualTo(1);
        assertThat(changed.event()).isEqualTo(new DomainEvent.SettingsChanged(ACME, Set.of("callback_url")));
    }

    static Stream<Arguments> writableFields() {
        return Stream.of(
                Arguments.of("business_id", update().businessId("556")),
                Arguments.of("fb_app_id", update().fbAppId("558")),
                Arguments.of("fb_app_secret", update().fbAppSecret("a-new-app-secret")),
                Arguments.of("refresh_token", update().refreshToken("a-new-refresh-token")),
                Arguments.of("token_expires_at", update().tokenExpiresAt(LATER.plus(Duration.ofDays(1)))),
                Arguments.of("callback_url", update().callbackUrl("https://acme.example/other")),
                Arguments.of("verify_token", update().verifyToken("another-verify-token")),
                Arguments.of("redirect_url", update().redirectUrl("https://acme.example/signup")),
                Arguments.of("is_active", update().active(false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writableFields")
    void each_field_a_change_sets_is_named_in_its_event(String field, TestUpdates change) {
        Changed changed = changed(aStoredConfig().changeSettings(change.build(), LATER_ON));

        assertThat(changed.event().fields()).containsExactly(field);
    }

    @Test
    void the_single_number_fields_write_the_default_number_and_name_it_in_the_event() {
        Changed otherNumber = changed(
                aStoredConfig().changeSettings(update().phoneNumberId("557").build(), LATER_ON));
        Changed display = changed(aStoredConfig()
                .changeSettings(update().displayPhoneNumber("+1 555").build(), LATER_ON));

        assertThat(otherNumber.event().fields())
                .containsExactlyInAnyOrder("phone_number_id", "phone_numbers.987654321", "phone_numbers.557");
        assertThat(display.event().fields())
                .containsExactlyInAnyOrder("display_phone_number", "phone_numbers.987654321.display_phone_number");
    }

    @Test
    void the_account_is_named_when_it_changes() {
        TenantConfig withoutNumbers = changed(aStoredConfig()
                        .changeSettings(update().phoneNumberId(null).build(), LATER_ON))
                .config();

        assertThat(changed(withoutNumbers.changeSettings(update().wabaId("555").build(), LATER_ON))
                        .event()
                        .fields())
                .containsExactly("waba_id");
    }

    @Test
    void a_configuration_holds_what_onboarding_needs_only_with_a_token_an_account_and_the_signed_up_number() {
        TenantConfig complete = anOnboardedConfig();

        assertThat(complete.holdsWhatOnboardingNeeds()).isTrue();
        assertThat(aStoredConfig().holdsWhatOnboardingNeeds())
                .as("created by hand: no signup named a number to register")
                .isFalse();
        for (TestUpdates missing :
                List.of(update().accessToken(null), update().wabaId(null).phoneNumberId(null))) {
            assertThat(changed(complete.changeSettings(missing.build(), LATER_ON))
                            .config()
                            .holdsWhatOnboardingNeeds())
                    .isFalse();
        }
    }

    @Test
    void setting_a_field_to_the_value_it_has_changes_no_field() {
        Changed changed = changed(aStoredConfig()
                .changeSettings(
                        update().callbackUrl("https://acme.example/webhook").build(), LATER_ON));

        assertThat(changed.event().fields()).isEmpty();
    }

    @Test
    void a_change_can_clear_any_field_the_meta_ids_included() {
        Changed changed = changed(aStoredConfig()
                .changeSettings(
                        update().callbackUrl(null)
                                .wabaId(null)
                                .phoneNumberId(null)
                                .build(),
                        LATER_ON));

        assertThat(changed.config().callbacks().callbackUrl()).isNull();
        assertThat(changed.config().account().wabaId()).isNull();
        assertThat(changed.config().phoneNumbers()).isEqualTo(PhoneNumbers.NONE);
        assertThat(changed.event().fields())
                .containsExactlyInAnyOrder("callback_url", "waba_id", "phone_number_id", "phone_numbers.987654321");
    }

    @Test
    void replacing_the_access_token_forgets_the_old_tokens_expiry_and_verification() {
        TenantConfig updated = changed(aStoredConfig()
                        .changeSettings(
                                update().accessToken("EAAG-new-token-5678").build(), LATER_ON))
                .config();

        assertThat(updated.token().accessToken().reveal()).isEqualTo("EAAG-new-token-5678");
        assertThat(updated.token().expiresAt()).isNull();
        assertThat(updated.token().lastVerifiedAt()).isNull();
    }

    @Test
    void what_a_change_alters_in_passing_is_named_in_its_event_too() {
        TenantConfig registered = anOnboardedConfig()
                .tokenVerified(MetaId.parse("123456789"), LATER.plus(Duration.ofDays(60)), null, Set.of(), LATER_ON)
                .config()
                .registrationPinChosen(Secret.of("482913"), LATER_ON)
                .config();

        Changed newToken = changed(registered.changeSettings(
                update().accessToken("EAAG-new-token-5678").build(), LATER_ON));
        Changed newNumber = changed(
                registered.changeSettings(update().phoneNumberId("111222333").build(), LATER_ON));

        assertThat(newToken.event().fields())
                .containsExactlyInAnyOrder("access_token", "token_expires_at", "last_verified_at");
        assertThat(newNumber.event().fields())
                .as("the replaced default number goes, its PIN with it, and the run that was to register it ends")
                .containsExactlyInAnyOrder(
                        "phone_number_id",
                        "registration_pin",
                        "phone_numbers.987654321",
                        "phone_numbers.111222333",
                        "onboarding_status");
    }

    @Test
    void replacing_the_access_token_keeps_an_expiry_given_with_it() {
        Instant newExpiry = LATER.plus(Duration.ofDays(60));

        TenantConfig updated = changed(aStoredConfig()
                        .changeSettings(
                                update().accessToken("EAAG-new-token-5678")
                                        .tokenExpiresAt(newExpiry)
                                        .build(),
                                LATER_ON))
                .config();

        assertThat(updated.token().expiresAt()).isEqualTo(newExpiry);
    }

    @Test
    void setting_the_same_access_token_again_keeps_what_is_known_about_it() {
        TenantConfig stored = aStoredConfig();

        TenantConfig updated = changed(stored.changeSettings(
                        update().accessToken("EAAG-old-token-1234").build(), LATER_ON))
                .config();

        assertThat(updated.token().expiresAt()).isEqualTo(stored.token().expiresAt());
        assertThat(updated.token().lastVerifiedAt()).isEqualTo(CREATED);
    }

    @Test
    void another_phone_number_never_inherits_the_registration_pin_of_the_old_one() {
        TenantConfig registered = anOnboardedConfig()
                .registrationPinChosen(Secret.of("482913"), LATER_ON)
                .config();

        TenantConfig sameNumber = changed(registered.changeSettings(
                        update().phoneNumberId("987654321")
                                .displayPhoneNumber("+1 555-000-0001")
                                .build(),
                        LATER_ON))
                .config();
        TenantConfig otherNumber = changed(registered.changeSettings(
                        update().phoneNumberId("111222333").build(), LATER_ON))
                .config();

        assertThat(sameNumber.defaultNumber().orElseThrow().registrationPin().reveal())
                .isEqualTo("482913");
        assertThat(otherNumber.defaultNumber().orElseThrow().registrationPin()).isNull();
    }

    @Test
    void deactivating_an_active_config_switches_it_off_and_says_so() {
        Changed changed = changed(aStoredConfig().deactivate(LATER_ON));

        assertThat(changed.config().active()).isFalse();
        assertThat(changed.config().updatedAt()).isEqualTo(LATER);
        assertThat(changed.event()).isEqualTo(new DomainEvent.Deactivated(ACME, Set.of("is_active")));
    }

    @Test
    void activating_an_already_active_config_changes_nothing() {
        assertThat(aStoredConfig().activate(LATER_ON)).isEqualTo(new Outcome.Unchanged());
    }

    @Test
    void an_inactive_config_can_be_activated_again() {
        TenantConfig inactive = changed(aStoredConfig().deactivate(LATER_ON)).config();

        assertThat(inactive.deactivate(LATER_ON)).isEqualTo(new Outcome.Unchanged());
        Changed activated = changed(inactive.activate(LATER_ON));
        assertThat(activated.config().active()).isTrue();
        assertThat(activated.event()).isInstanceOf(DomainEvent.Activated.class);
    }

    @Test
    void printing_a_config_never_shows_its_secrets() {
        assertThat(aStoredConfig().toString()).doesNotContain("EAAG").doesNotContain("old-token");
    }
}
