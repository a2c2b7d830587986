package io.tenantconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @Test
    void a_meta_id_is_digits() {
        assertThat(MetaId.parse(ConfigField.WABA_ID, "123456789").value()).isEqualTo("123456789");
        assertThat(MetaId.parse(ConfigField.WABA_ID, "1".repeat(32)).value()).hasSize(32);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12a", " 123", "123 ", "-1", "1.5", "123456789012345678901234567890123", "1; DROP TABLE"})
    void a_meta_id_that_is_not_1_to_32_digits_is_refused_naming_the_field(String value) {
        assertThatThrownBy(() -> MetaId.parse(ConfigField.PHONE_NUMBER_ID, value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("phone_number_id must be 1 to 32 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://example.com/webhook",
        "https://example.com:8443/hooks/whatsapp?tenant=acme",
        "http://localhost:8080/webhook",
        "http://127.0.0.1/webhook",
        "http://[::1]:3000/cb"
    })
    void a_url_is_absolute_https_or_http_on_the_local_machine(String value) {
        assertThat(WebUrl.parse(ConfigField.CALLBACK_URL, value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://example.com/webhook",
        "ftp://example.com/file",
        "/relative/path",
        "example.com/webhook",
        "javascript:alert(1)",
        "https://user:password@example.com/",
        "https://exa mple.com/"
    })
    void a_url_that_is_not_absolute_https_is_refused_naming_the_field(String value) {
        assertThatThrownBy(() -> WebUrl.parse(ConfigField.REDIRECT_URL, value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("redirect_url ");
    }

    @Test
    void a_url_longer_than_500_characters_is_refused() {
        String url = "https://example.com/" + "a".repeat(481);

        assertThatThrownBy(() -> WebUrl.parse(ConfigField.CALLBACK_URL, url))
                .hasMessage("callback_url must be at most 500 characters");
    }

    @Test
    void a_verify_token_is_1_to_255_printable_characters() {
        assertThat(VerifyToken.parse("my verify token!").value()).isEqualTo("my verify token!");
        assertThatThrownBy(() -> VerifyToken.parse("")).hasMessage("verify_token must be 1 to 255 characters");
        assertThatThrownBy(() -> VerifyToken.parse("x".repeat(256))).hasMessage("verify_token must be 1 to 255 characters");
        assertThatThrownBy(() -> VerifyToken.parse("tab\there"))
                .hasMessage("verify_token must contain printable ASCII characters only");
    }

    @Test
    void a_tenant_id_is_1_to_100_printable_characters() {
        assertThat(TenantId.of("acme-corp").value()).isEqualTo("acme-corp");
        assertThatThrownBy(() -> TenantId.of(" ")).hasMessage("tenant_id must not be empty");
        assertThatThrownBy(() -> TenantId.of("t".repeat(101))).hasMessage("tenant_id must be at most 100 characters");
        assertThatThrownBy(() -> TenantId.of("acme\u0000")).isInstanceOf(InvalidValueException.class);
    }
}
