package io.tenantconfig.domain;

import static org.assertj.core.api.Assertions.assertThat;

/** What a rule came to, taken as the change a test expects: the test fails, saying what it was, when it is not. */
public final class TestOutcomes {

    private TestOutcomes() {}

    public static Changed changed(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Changed.class);
        return (Changed) outcome;
    }
}
