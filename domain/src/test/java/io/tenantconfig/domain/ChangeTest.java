package io.tenantconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeTest {

    @Test
    void keeping_leaves_the_field_as_it_was() {
        Change<String> keep = Change.keep();

        assertThat(keep.applyTo("before")).isEqualTo("before");
        assertThat(keep.clears()).isFalse();
        assertThat(keep.newValue()).isEmpty();
    }

    @Test
    void clearing_empties_the_field() {
        Change<String> clear = Change.clear();

        assertThat(clear.applyTo("before")).isNull();
        assertThat(clear.clears()).isTrue();
        assertThat(clear.newValue()).isEmpty();
    }

    @Test
    void setting_replaces_the_field() {
        Change<String> set = Change.to("after");

        assertThat(set.applyTo("before")).isEqualTo("after");
        assertThat(set.clears()).isFalse();
        assertThat(set.newValue()).contains("after");
    }

    @Test
    void an_absent_value_keeps_or_clears_as_the_caller_chooses() {
        assertThat(Change.<String>toIfGiven(null)).isEqualTo(Change.keep());
        assertThat(Change.toIfGiven("x")).isEqualTo(Change.to("x"));
        assertThat(Change.<String>toOrClear(null)).isEqualTo(Change.clear());
        assertThat(Change.toOrClear("x")).isEqualTo(Change.to("x"));
    }

    @Test
    void changes_are_equal_when_they_do_the_same_thing() {
        assertThat(Change.to("x")).isEqualTo(Change.to("x")).hasSameHashCodeAs(Change.to("x"));
        assertThat(Change.to("x")).isNotEqualTo(Change.to("y"));
        assertThat(Change.<String>keep()).isNotEqualTo(Change.clear());
        assertThat(Change.<String>clear()).isNotEqualTo(Change.to("x"));
        assertThat(Change.to("x")).isNotEqualTo("x");
    }

    @Test
    void a_change_prints_what_it_does_never_the_value_it_sets() {
        assertThat(Change.keep()).hasToString("keep");
        assertThat(Change.clear()).hasToString("clear");
        assertThat(Change.to(Secret.of("EAAG-new-token"))).hasToString("set");
    }
}
