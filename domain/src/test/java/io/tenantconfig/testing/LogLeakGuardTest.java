package io.tenantconfig.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The guard catches a log line that echoes a request body holding a token the test sent. */
class LogLeakGuardTest {

    @Test
    void a_logged_request_body_with_a_token_the_test_sent_is_a_leak() {
        String body = SecretValues.inJsonBody(
                "{\"waba_id\":\"1\",\"access_token\":\"EAAG-probe-token-4242\",\"fb_app_secret\":\"***abcd\"}");

        LoggerFactory.getLogger("io.tenantconfig.probe").info("received {}", body);

        try {
            assertThat(LogLeakGuard.leaks())
                    .anyMatch(line -> line.contains("received") && line.contains("<secret of 21 characters>"));
            assertThat(LogLeakGuard.leaks()).noneMatch(line -> line.contains("EAAG-probe-token-4242"));
        } finally {
            LogLeakGuard.discard("EAAG-probe-token-4242");
        }
        assertThat(LogLeakGuard.leaks()).noneMatch(line -> line.contains("received"));
    }

    @Test
    void a_masked_value_sent_back_is_not_taken_for_a_secret_and_bearer_tokens_are() {
        SecretValues.inJsonBody("{\"fb_app_secret\":\"***abcd\",\"code\":\"AQD-probe-code-77\"}");
        SecretValues.inAuthorization("Bearer eyJ-probe-jwt-9876");

        assertThat(SecretValues.all())
                .contains("AQD-probe-code-77", "eyJ-probe-jwt-9876")
                .doesNotContain("***abcd");
    }
}
