package io.tenantconfig.application.service;

import io.tenantconfig.domain.Secret;
import java.util.random.RandomGenerator;

/** Where the two-step verification PINs the service registers numbers with come from: six random digits. */
final class RegistrationPins {

    private static final int PIN_BOUND = 1_000_000;

    private final RandomGenerator random;

    /** @param random {@code SecureRandom} in production */
    RegistrationPins(RandomGenerator random) {
        this.random = random;
    }

    Secret next() {
        return Secret.of(String.format("%06d", random.nextInt(PIN_BOUND)));
    }
}
