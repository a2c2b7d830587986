package io.tenantconfig.adapters.persistence.testing;

import io.tenantconfig.adapters.persistence.crypto.Keysets;
import io.tenantconfig.adapters.persistence.crypto.TinkSecretCipher;
import io.tenantconfig.testing.SecretValues;
import java.security.GeneralSecurityException;

/** An encryption keyset made once per test JVM, as dev.yml makes one on first start. */
public final class TestKeys {

    public static final String KEYSET = SecretValues.secret(generate());

    private TestKeys() {}

    public static TinkSecretCipher cipher() {
        return new TinkSecretCipher(KEYSET);
    }

    private static String generate() {
        try {
            return Keysets.generate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
