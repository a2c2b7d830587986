package io.tenantconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldUpdateTest {

    @Test
    void keeping_leaves_the_field_as_it_was() {
        FieldUpdate<String> keep = FieldUpdate.keep();

        assertThat(keep.applyTo("before")).isEqualTo("before");
        assertThat(keep.clears()).isFalse();
        assertThat(keep.newValue()).isEmpty();
    }

    @Test
    void clearing_empties_the_field() {
        FieldUpdate<String> clear = FieldUpdate.clear();

        assertThat(clear.applyTo("before")).isNull();
        assertThat(clear.clears()).isTrue();
        assertThat(clear.newValue()).isEmpty();
    }

    @Test
    void setting_replaces_the_field() {
        FieldUpdate<String> set = FieldUpdate.to("after");

        assertThat(set.applyTo("before")).isEqualTo("after");
        assertThat(set.clears()).isFalse();
        assertThat(set.newValue()).contains("after");
    }

    @Test
    void an_absent_value_keeps_or_clears_as_the_caller_chooses() {
        assertThat(FieldUpdate.<String>toIfGiven(null)).isEqualTo(FieldUpdate.keep());
        assertThat(FieldUpdate.toIfGiven("x")).isEqualTo(FieldUpdate.to("x"));
        assertThat(FieldUpdate.<String>toOrClear(null)).isEqualTo(FieldUpdate.clear());
        assertThat(FieldUpdate.toOrClear("x")).isEqualTo(FieldUpdate.to("x"));
    }

    @Test
    void changes_are_equal_when_they_do_the_same_thing() {
        assertThat(FieldUpdate.to("x")).isEqualTo(FieldUpdate.to("x")).hasSameHashCodeAs(FieldUpdate.to("x"));
        assertThat(FieldUpdate.to("x")).isNotEqualTo(FieldUpdate.to("y"));
        assertThat(FieldUpdate.<String>keep()).isNotEqualTo(FieldUpdate.clear());
        assertThat(FieldUpdate.<String>clear()).isNotEqualTo(FieldUpdate.to("x"));
        assertThat(FieldUpdate.to("x")).isNotEqualTo("x");
    }

    @Test
    void a_change_prints_what_it_does_never_the_value_it_sets() {
        assertThat(FieldUpdate.keep()).hasToString("keep");
        assertThat(FieldUpdate.clear()).hasToString("clear");
        assertThat(FieldUpdate.to(Secret.of("EAAG-new-token"))).hasToString("set");
    }
}
