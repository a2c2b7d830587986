package io.tenantconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
        // What a caller presents must also be nameable in a path; what is stored still loads.
        assertThatThrownBy(() -> TenantId.presented("acme/eu")).hasMessage("must not contain '/'");
        assertThat(TenantId.presented("acme-eu")).isEqualTo(TenantId.of("acme-eu"));
        assertThat(TenantId.of("acme/eu").value()).isEqualTo("acme/eu");
        assertThatThrownBy(() -> TenantId.presented(" ")).hasMessage("must not be empty");
    }

    @Test
    void a_display_phone_number_is_digits_spaces_and_phone_punctuation() {
        assertThat(DisplayPhoneNumber.parse("+1 (555) 010-0000").value()).isEqualTo("+1 (555) 010-0000");
        assertThatThrownBy(() -> DisplayPhoneNumber.parse("call me"))
                .hasMessage("must be 1 to 32 characters of digits, spaces and + ( ) - .");
        assertThatThrownBy(() -> DisplayPhoneNumber.parse("1".repeat(33))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_number_label_and_a_verified_name_are_one_line_of_text_in_any_script() {
        assertThat(NumberLabel.parse("Vertrieb Österreich")).hasToString("Vertrieb Österreich");
        assertThat(VerifiedName.parse("Acme 株式会社")).hasToString("Acme 株式会社");
        assertThatThrownBy(() -> NumberLabel.parse("  ")).hasMessage("must be 1 to 100 characters, not only spaces");
        assertThatThrownBy(() -> NumberLabel.parse("two\nlines")).hasMessage("must not contain control characters");
        assertThatThrownBy(() -> VerifiedName.parse("")).hasMessage("must be 1 to 256 characters, not only spaces");
        assertThatThrownBy(() -> VerifiedName.parse("bell\u0007")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_user_is_1_to_255_characters_like_the_audit_column_that_records_it() {
        assertThat(UserId.of("u".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> UserId.of("u".repeat(256))).hasMessage("must be 1 to 255 characters");
        assertThatThrownBy(() -> UserId.of(" ")).isInstanceOf(InvalidValueException.class);
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                limit("tenant id", TenantId::of, "t", TenantId.MAX_LENGTH),
                limit("user", UserId::of, "u", UserId.MAX_LENGTH),
                limit("verify token", VerifyToken::parse, "v", VerifyToken.MAX_LENGTH),
                limit("signup code", SignupCode::new, "c", SignupCode.MAX_LENGTH),
                limit("meta id", MetaId::parse, "1", MetaId.MAX_LENGTH),
                limit("display number", DisplayPhoneNumber::parse, "5", DisplayPhoneNumber.MAX_LENGTH),
                limit("url", text -> WebUrl.parse("https://example.com/" + text.substring(20)), "a", WebUrl.MAX_LENGTH),
                limit("secret", Secret::of, "s", Secret.MAX_LENGTH),
                limit("number label", NumberLabel::parse, "l", NumberLabel.MAX_LENGTH),
                limit("verified name", VerifiedName::parse, "n", VerifiedName.MAX_LENGTH));
    }

    private static Arguments limit(String name, Function<String, Object> parse, String character, int max) {
        return Arguments.of(name, parse, character, max);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void every_length_limit_accepts_exactly_its_maximum_and_refuses_one_more(
            String name, Function<String, Object> parse, String character, int max) {
        assertThat(parse.apply(character.repeat(max))).isNotNull();
        assertThatThrownBy(() -> parse.apply(character.repeat(max + 1))).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "~", " !\"#~"})
    void printable_ascii_runs_from_space_to_tilde(String value) {
        assertThat(VerifyToken.parse(value).value()).isEqualTo(value);
        assertThat(new SignupCode("code" + value).value()).isEqualTo("code" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u001F", "\u007F", "\u00E9", "\u00A0"})
    void a_character_just_outside_printable_ascii_is_refused(String character) {
        assertThatThrownBy(() -> VerifyToken.parse("token" + character))
                .hasMessage("must contain printable ASCII characters only");
        assertThatThrownBy(() -> new SignupCode("code" + character)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void an_empty_url_is_refused_as_empty(String value) {
        assertThatThrownBy(() -> WebUrl.parse(value)).hasMessage("must not be empty");
    }

    @Test
    void identifiers_print_as_their_value_so_log_lines_and_messages_name_them_plainly() {
        assertThat(TenantId.of("acme-corp")).hasToString("acme-corp");
        assertThat(UserId.of("user-42")).hasToString("user-42");
        assertThat(MetaId.parse("1234567890")).hasToString("1234567890");
        assertThat(DisplayPhoneNumber.parse("+1 555-010-0000")).hasToString("+1 555-010-0000");
        assertThat(VerifyToken.parse("my-verify-token")).hasToString("my-verify-token");
        assertThat(WebUrl.parse("https://example.com/webhook")).hasToString("https://example.com/webhook");
    }

    @Test
    void a_grant_prints_its_expiry_but_never_its_token() {
        Instant expiry = Instant.parse("2027-01-01T00:00:00Z");

        assertThat(new AccessGrant(Secret.of("EAAG-granted-token"), expiry))
                .hasToString("AccessGrant[token=Secret[***], expiresAt=2027-01-01T00:00:00Z]");
    }

    @Test
    void a_signup_code_prints_as_a_masked_code() {
        assertThat(new SignupCode("AQD-one-time-code")).hasToString("SignupCode[***]");
    }
}
