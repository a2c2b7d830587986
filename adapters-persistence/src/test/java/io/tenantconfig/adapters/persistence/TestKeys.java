package io.tenantconfig.adapters.persistence;

import io.tenantconfig.testing.SecretValues;
import java.security.GeneralSecurityException;

/** An encryption keyset made once per test JVM, as dev.yml makes one on first start. */
public final class TestKeys {

    public static final String KEYSET = SecretValues.secret(generate());

    private TestKeys() {}

    static SecretCipher cipher() {
        return new TinkSecretCipher(KEYSET);
    }

    /**
     * The secret stored at {@code location} (e.g. {@code tenant_configs.access_token/acme}), as
     * the service decrypts it with {@code keyset}: for tests that read the tables themselves.
     */
    public static String decrypt(String keyset, String stored, String location) {
        return new TinkSecretCipher(keyset).decrypt(stored, location);
    }

    private static String generate() {
        try {
            return Keysets.generate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
