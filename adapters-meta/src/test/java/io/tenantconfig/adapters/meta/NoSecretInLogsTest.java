package io.tenantconfig.adapters.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.fixtures.LogLeakGuard;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs after every other test class of this module: none of them made the service log a secret. */
@Order(Integer.MAX_VALUE)
class NoSecretInLogsTest {

    @Test
    void no_secret_value_appears_in_any_log_line_of_this_modules_tests() {
        assertThat(LogLeakGuard.lines()).as("log lines captured").isNotEmpty();
        assertThat(LogLeakGuard.leaks()).as("log lines holding a secret").isEmpty();
    }
}
