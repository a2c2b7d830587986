package io.tenantconfig.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The names the API and its messages are built from. Clients read these in JSON
 * ({@code GET /config/resolved}) and in error bodies; renaming one breaks them.
 */
class ApiNamesTest {

    @Test
    void the_resolved_credentials_are_named_as_the_api_reports_them_and_only_the_token_and_app_secret_are_secret() {
        assertThat(Arrays.stream(CredentialField.values()).map(CredentialField::fieldName))
                .containsExactly(
                        "phone_number_id",
                        "access_token",
                        "verify_token",
                        "callback_url",
                        "fb_app_id",
                        "fb_app_secret",
                        "waba_id",
                        "redirect_url");
        assertThat(Arrays.stream(CredentialField.values()).filter(CredentialField::isSecret))
                .containsExactly(CredentialField.ACCESS_TOKEN, CredentialField.FB_APP_SECRET);
    }

    @Test
    void a_value_source_is_reported_in_lower_case() {
        assertThat(Arrays.stream(ValueSource.values()).map(ValueSource::label))
                .containsExactly("database", "environment", "none");
    }

    @Test
    void a_failed_step_is_described_in_words_for_the_error_message() {
        assertThat(Arrays.stream(OnboardingStep.values()).map(OnboardingStep::description))
                .containsExactly(
                        "exchanging the signup code for a token",
                        "checking the token with Meta",
                        "subscribing the app to the WhatsApp Business Account",
                        "registering the phone number");
    }
}
