package io.tenantconfig.adapters.persistence;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;

/**
 * Tink keysets of AES-256-GCM keys, in Tink's JSON format: made, rotated (a new primary key is
 * added, the old ones kept so existing ciphertexts still decrypt) and pruned (only the primary
 * kept, once every value is re-encrypted with it).
 */
final class Keysets {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Keysets() {}

    /** A new keyset with one AES-256-GCM key. */
    static String generate() throws GeneralSecurityException {
        return serialize(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
    }

    /** {@code keyset} with a new AES-256-GCM key added as primary; the old keys stay for decrypting. */
    static String rotate(String keyset) throws GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(parse(keyset));
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId()
                .makePrimary());
        return serialize(builder.build());
    }

    /** {@code keyset} with only its primary key: older ciphertexts will no longer decrypt. */
    static String prune(String keyset) throws GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(parse(keyset));
        for (int i = builder.size() - 1; i >= 0; i--) {
            if (!builder.getAt(i).isPrimary()) {
                builder.deleteAt(i);
            }
        }
        return serialize(builder.build());
    }

    static KeysetHandle parse(String keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    private static String serialize(KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }
}
