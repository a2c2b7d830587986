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
        assertThat(MetaId.parse("123456789").value()).isEqualTo("123456789");
        assertThat(MetaId.parse("1".repeat(32)).value()).hasSize(32);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12a", " 123", "123 ", "-1", "1.5", "123456789012345678901234567890123", "1; DROP TABLE"})
    void a_meta_id_that_is_not_1_to_32_digits_is_refused(String value) {
        assertThatThrownBy(() -> MetaId.parse(value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 1 to 32 digits");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/webhook",
                "https://example.com:8443/hooks/whatsapp?tenant=acme",
                "http://localhost:8080/webhook",
                "http://127.0.0.1/webhook",
                "http://[::1]:3000/cb"
            })
    void a_url_is_absolute_https_or_http_on_the_local_machine(String value) {
        assertThat(WebUrl.parse(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://example.com/webhook",
                "ftp://example.com/file",
                "/relative/path",
                "example.com/webhook",
                "javascript:alert(1)",
                "https://user:password@example.com/",
                "https://exa mple.com/"
            })
    void a_url_that_is_not_absolute_https_is_refused_saying_what_is_expected(String value) {
        assertThatThrownBy(() -> WebUrl.parse(value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("must ");
    }

    @Test
    void a_url_longer_than_500_characters_is_refused() {
        String url = "https://example.com/" + "a".repeat(481);

        assertThatThrownBy(() -> WebUrl.parse(url)).hasMessage("must be at most 500 characters");
    }

    @Test
    void a_verify_token_is_1_to_255_printable_characters() {
        assertThat(VerifyToken.parse("my verify token!").value()).isEqualTo("my verify token!");
        assertThatThrownBy(() -> VerifyToken.parse("")).hasMessage("must be 1 to 255 characters");
        assertThatThrownBy(() -> VerifyToken.parse("x".repeat(256))).hasMessage("must be 1 to 255 characters");
        assertThatThrownBy(() -> VerifyToken.parse("tab\there"))
                .hasMessage("must contain printable ASCII characters only");
    }

    @Test
    void a_tenant_id_is_1_to_100_printable_characters() {
        assertThat(TenantId.of("acme-corp").value()).isEqualTo("acme-corp");
        assertThatThrownBy(() -> TenantId.of(" ")).hasMessage("must not be empty");
        assertThatThrownBy(() -> TenantId.of("t".repeat(101))).hasMessage("must be at most 100 characters");
        assertThatThrownBy(() -> TenantId.of("acme\u0000")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_display_phone_number_is_digits_spaces_and_phone_punctuation() {
        assertThat(DisplayPhoneNumber.parse("+1 (555) 010-0000").value()).isEqualTo("+1 (555) 010-0000");
        assertThatThrownBy(() -> DisplayPhoneNumber.parse("call me"))
                .hasMessage("must be 1 to 32 characters of digits, spaces and + ( ) - .");
        assertThatThrownBy(() -> DisplayPhoneNumber.parse("1".repeat(33))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_user_is_1_to_255_characters_like_the_audit_column_that_records_it() {
        assertThat(UserId.of("u".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> UserId.of("u".repeat(256))).hasMessage("must be 1 to 255 characters");
        assertThatThrownBy(() -> UserId.of(" ")).isInstanceOf(InvalidValueException.class);
    }
}
