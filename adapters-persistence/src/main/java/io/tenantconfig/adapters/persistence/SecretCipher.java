package io.tenantconfig.adapters.persistence;

/**
 * Encrypts secrets for storage, each bound to where it is stored (its tenant and column) so that a
 * value copied elsewhere does not decrypt. Only this adapter uses it: the domain and the use cases
 * handle secrets in clear and never see what is stored.
 */
interface SecretCipher {

    /** The stored form of {@code plaintext} at {@code location} (e.g. {@code tenant_configs.access_token/acme}). */
    String encrypt(String plaintext, String location);

    /**
     * The secret stored at {@code location}. A value written before encryption existed (no
     * ciphertext marker) is returned as it is, until {@code secrets reencrypt} encrypts it.
     *
     * @throws io.tenantconfig.application.port.out.SecretUnreadableException when the value does not decrypt for this location and keyset
     */
    String decrypt(String stored, String location);

    /** Whether {@code stored} is encrypted with the current primary key (nothing to re-encrypt). */
    boolean isCurrent(String stored);

    /** The id of the key new values are encrypted with, as the keyset names it (never the key). */
    long primaryKeyId();
}
