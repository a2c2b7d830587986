package io.tenantconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void a_secret_longer_than_four_characters_is_masked_to_its_last_four() {
        assertThat(Secret.of("EAAGm0PX4ZCpsBAxyz789").masked()).isEqualTo("***z789");
    }

    @Test
    void a_secret_of_five_characters_shows_only_its_last_four() {
        assertThat(Secret.of("abcde").masked()).isEqualTo("***bcde");
    }

    @Test
    void a_secret_of_four_characters_or_fewer_is_masked_entirely() {
        assertThat(Secret.of("abcd").masked()).isEqualTo("***");
        assertThat(Secret.of("a").masked()).isEqualTo("***");
    }

    @Test
    void an_absent_secret_stays_absent_when_masked() {
        assertThat(Secret.masked(null)).isNull();
    }

    @Test
    void printing_a_secret_never_shows_its_value() {
        Secret secret = Secret.of("EAAGm0PX4ZCpsBAxyz789");

        assertThat(secret.toString()).doesNotContain("EAAG").doesNotContain("z789");
        assertThat("token is " + secret).doesNotContain("xyz789");
    }

    @Test
    void the_value_is_available_to_those_who_ask_for_it_explicitly() {
        assertThat(Secret.of("EAAGm0PX4ZCpsBAxyz789").reveal()).isEqualTo("EAAGm0PX4ZCpsBAxyz789");
    }

    @Test
    void secrets_with_the_same_value_are_equal() {
        assertThat(Secret.of("same-value")).isEqualTo(Secret.of("same-value")).isNotEqualTo(Secret.of("other-value"));
    }

    @Test
    void an_empty_secret_is_refused() {
        assertThatThrownBy(() -> Secret.of(""))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not be empty");
    }

    @Test
    void a_secret_longer_than_8192_characters_is_refused() {
        assertThat(Secret.of("x".repeat(8192)).reveal()).hasSize(8192);
        assertThatThrownBy(() -> Secret.of("x".repeat(8193)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be at most 8192 characters");
    }

    @Test
    void a_secret_with_control_characters_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> Secret.of("token\nwith-newline"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not contain control characters");
    }

    @Test
    void a_masked_value_sent_back_is_refused_so_it_cannot_overwrite_the_secret() {
        assertThatThrownBy(() -> Secret.of("***z789"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("is a masked value; send the secret itself, or leave the field out to keep it");
    }

    @Test
    void a_secret_prints_as_a_masked_secret_so_a_log_shows_one_was_there() {
        assertThat(Secret.of("EAAGm0PX4ZCpsBAxyz789")).hasToString("Secret[***]");
    }

    @Test
    void the_masking_rule_leaves_an_absent_value_absent() {
        assertThat(Secret.mask(null)).isNull();
        assertThat(Secret.mask("abcdef")).isEqualTo("***cdef");
    }

    @Test
    void every_secret_hashes_alike_so_a_hash_tells_nothing_about_the_value() {
        assertThat(Secret.of("first-secret"))
                .hasSameHashCodeAs(Secret.of("first-secret"))
                .hasSameHashCodeAs(Secret.of("another-secret-entirely"));
    }
}
