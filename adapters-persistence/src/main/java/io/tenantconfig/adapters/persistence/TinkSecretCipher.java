package io.tenantconfig.adapters.persistence;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import io.tenantconfig.application.port.out.SecretUnreadableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * {@link SecretCipher} with Google Tink's AEAD (AES-256-GCM). The associated data is the value's
 * location, so a ciphertext moved to another tenant or column fails authentication. Stored form:
 * {@code tink1:} followed by the base64 of Tink's output, whose first five bytes name the key.
 */
final class TinkSecretCipher implements SecretCipher {

    static final String MARKER = "tink1:";
    private static final int TINK_PREFIX_LENGTH = 5;

    private final Aead aead;
    private final int primaryKeyId;

    TinkSecretCipher(String keysetJson) {
        try {
            KeysetHandle keyset = Keysets.parse(keysetJson);
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.primaryKeyId = keyset.getPrimary().getId();
        } catch (GeneralSecurityException e) {
            // Tink's message can describe the keyset; never repeat the keyset itself.
            throw new IllegalArgumentException(
                    "the encryption keyset (ENCRYPTION_KEYSET) is not a valid Tink AEAD keyset");
        }
    }

    @Override
    public long primaryKeyId() {
        return Integer.toUnsignedLong(primaryKeyId);
    }

    @Override
    public String encrypt(String plaintext, String location) {
        try {
            byte[] ciphertext = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(location));
            return MARKER + Base64.getEncoder().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed for " + location, e);
        }
    }

    @Override
    public String decrypt(String stored, String location) {
        if (!stored.startsWith(MARKER)) {
            return stored;
        }
        try {
            byte[] ciphertext = Base64.getDecoder().decode(stored.substring(MARKER.length()));
            return new String(aead.decrypt(ciphertext, associatedData(location)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretUnreadableException(location);
        }
    }

    @Override
    public boolean isCurrent(String stored) {
        if (!stored.startsWith(MARKER)) {
            return false;
        }
        try {
            byte[] ciphertext = Base64.getDecoder().decode(stored.substring(MARKER.length()));
            return ciphertext.length > TINK_PREFIX_LENGTH
                    && ByteBuffer.wrap(ciphertext, 1, 4).getInt() == primaryKeyId;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] associatedData(String location) {
        return ("tenant-config/" + location).getBytes(StandardCharsets.UTF_8);
    }
}
