package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.testing.LogLeakGuard;
import io.tenantconfig.testing.SecretValues;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets an end-to-end test class gives the service (the app secret, tokens, codes, PINs),
 * each also registered with {@link SecretValues} for the suite's final check, and the class's own
 * check, once it is done, that no log line captured meanwhile holds one of them.
 */
final class SecretsGiven {

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** Registers {@code secret} as one the service was given; returns it. */
    String add(String secret) {
        secrets.add(secret);
        SecretValues.secret(secret);
        return secret;
    }

    /** No log line captured so far holds any secret given. */
    void noneLogged() {
        for (String line : LogLeakGuard.lines()) {
            for (String secret : secrets) {
                assertThat(line).as("a log line").doesNotContain(secret);
            }
        }
    }
}
