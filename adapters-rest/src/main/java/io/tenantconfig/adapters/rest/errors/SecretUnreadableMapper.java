package io.tenantconfig.adapters.rest.errors;

import io.tenantconfig.application.port.out.SecretUnreadableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stored secret that does not decrypt (wrong key, damaged, or copied from another tenant) is
 * an error for an operator: the caller gets a 500 with a reference, never a guess at the value.
 */
public final class SecretUnreadableMapper implements ExceptionMapper<SecretUnreadableException> {

    private static final Logger LOG = LoggerFactory.getLogger(SecretUnreadableMapper.class);

    @Override
    public Response toResponse(SecretUnreadableException e) {
        String reference = UUID.randomUUID().toString();
        LOG.error("{} (reference {}): check the encryption keyset and the row", e.getMessage(), reference);
        return Problem.response(
                500,
                "A stored secret of this configuration cannot be decrypted; an operator "
                        + "has to check it (reference " + reference + ").");
    }
}
