package io.tenantconfig.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.in.CredentialField;
import io.tenantconfig.domain.AccountStanding;
import io.tenantconfig.domain.DisplayPhoneNumber;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.NumberLabel;
import io.tenantconfig.domain.NumberVerification;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.PhoneNumbers;
import io.tenantconfig.domain.TenantConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the loader keeps of a configuration: the same answers as the configuration, in less memory. */
class StoredCredentialsTest {

    private static PhoneNumber number(String id) {
        return new PhoneNumber(
                MetaId.parse(id),
                null,
                DisplayPhoneNumber.parse("+1 555-010-0001"),
                null,
                NumberLabel.parse("Sales"),
                true,
                null,
                null,
                false,
                NumberVerification.VERIFIED);
    }

    @Test
    void the_default_number_comes_first_and_every_number_is_known() {
        TenantConfig config = TestConfigs.aConfig("acme")
                .phoneNumbers(new PhoneNumbers(
                        List.of(number("100000000000001"), number("100000000000002"), number("100000000000003")),
                        MetaId.parse("100000000000002")))
                .build();

        StoredCredentials credentials = StoredCredentials.of(config);

        assertThat(credentials.defaultNumber()).contains("100000000000002");
        assertThat(credentials.hasNumber("100000000000001")).isTrue();
        assertThat(credentials.hasNumber("100000000000003")).isTrue();
        assertThat(credentials.hasNumber("100000000000004")).isFalse();
    }

    @Test
    void without_numbers_there_is_no_default() {
        StoredCredentials credentials = StoredCredentials.of(
                TestConfigs.aConfig("acme").phoneNumbers(PhoneNumbers.NONE).build());

        assertThat(credentials.defaultNumber()).isEmpty();
    }

    @Test
    void each_credential_is_the_configurations_own() {
        StoredCredentials credentials =
                StoredCredentials.of(TestConfigs.aConfig("acme").build());

        assertThat(credentials.value(CredentialField.ACCESS_TOKEN)).isEqualTo("EAAG-access-token-of-acme");
        assertThat(credentials.value(CredentialField.FB_APP_SECRET)).isEqualTo("app-secret-of-acme");
        assertThat(credentials.value(CredentialField.VERIFY_TOKEN)).isEqualTo("verify-acme");
        assertThat(credentials.value(CredentialField.CALLBACK_URL)).isEqualTo("https://acme.example/webhook");
        assertThat(credentials.value(CredentialField.REDIRECT_URL)).isEqualTo("https://acme.example/callback");
        assertThat(credentials.value(CredentialField.FB_APP_ID)).isEqualTo("1234567890");
        assertThat(credentials.value(CredentialField.WABA_ID)).isEqualTo(TestConfigs.wabaIdOf("acme"));
        assertThat(credentials.inService()).isTrue();
        assertThat(credentials.onboardingCompleted()).isFalse();
        assertThatThrownBy(() -> credentials.value(CredentialField.PHONE_NUMBER_ID))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_configuration_out_of_service_says_so() {
        AccountStanding disabled =
                new AccountStanding(AccountStanding.Status.DISABLED, "DISABLED_UPDATE", null, TestConfigs.CREATED_AT);

        assertThat(StoredCredentials.of(
                                TestConfigs.aConfig("acme").active(false).build())
                        .inService())
                .isFalse();
        assertThat(StoredCredentials.of(
                                TestConfigs.aConfig("acme").standing(disabled).build())
                        .inService())
                .isFalse();
    }

    @Test
    void it_is_compared_by_value_and_printed_without_one() {
        StoredCredentials credentials =
                StoredCredentials.of(TestConfigs.aConfig("acme").build());

        assertThat(credentials)
                .isEqualTo(StoredCredentials.of(TestConfigs.aConfig("acme").build()))
                .hasSameHashCodeAs(
                        StoredCredentials.of(TestConfigs.aConfig("acme").build()))
                .isNotEqualTo(StoredCredentials.of(TestConfigs.aConfig("globex").build()));
        assertThat(credentials.toString()).doesNotContain("EAAG").doesNotContain("app-secret");
    }
}
