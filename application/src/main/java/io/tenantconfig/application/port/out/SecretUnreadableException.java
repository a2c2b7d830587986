package io.tenantconfig.application.port.out;

/**
 * A stored secret does not decrypt: it was encrypted with a key the keyset no longer holds, was
 * damaged, or was copied from another tenant or column. The message names the location only.
 */
public final class SecretUnreadableException extends RuntimeException {

    public SecretUnreadableException(String location) {
        super("the secret stored at " + location + " cannot be decrypted");
    }
}
