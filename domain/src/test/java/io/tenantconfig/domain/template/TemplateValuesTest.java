package io.tenantconfig.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantconfig.domain.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"order_shipped", "hello_world", "a", "promo_2026"})
    void names_meta_accepts_are_kept_as_written(String name) {
        assertThat(TemplateName.parse(name)).hasToString(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Order_Shipped", "order shipped", "order-shipped", "ordér"})
    void a_name_meta_would_refuse_says_what_a_name_is(String name) {
        assertThatThrownBy(() -> TemplateName.parse(name))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 1 to 512 lowercase letters, digits or underscores, e.g. \"order_shipped\"");
    }

    @Test
    void a_name_may_be_512_characters_but_not_513() {
        assertThat(TemplateName.parse("a".repeat(512)).value()).hasSize(512);
        assertThatThrownBy(() -> TemplateName.parse("a".repeat(513))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> TemplateName.parse(null)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "en_US", "pt_BR", "fil", "es_LA", "zh_HK"})
    void meta_language_codes_are_kept_as_written(String code) {
        assertThat(TemplateLanguage.parse(code)).hasToString(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EN", "en-US", "en_us", "english", "e"})
    void anything_else_is_not_a_language_code(String code) {
        assertThatThrownBy(() -> TemplateLanguage.parse(code))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be one of Meta's language codes, e.g. \"en_US\" or \"pt_BR\"");
    }

    @Test
    void the_three_categories_are_metas_and_nothing_else() {
        assertThat(TemplateCategory.parse("UTILITY")).isEqualTo(TemplateCategory.UTILITY);
        assertThatThrownBy(() -> TemplateCategory.parse("utility"))
                .hasMessage("must be one of MARKETING, UTILITY, AUTHENTICATION");
        assertThatThrownBy(() -> TemplateCategory.parse(null)).isInstanceOf(InvalidValueException.class);
    }
}
