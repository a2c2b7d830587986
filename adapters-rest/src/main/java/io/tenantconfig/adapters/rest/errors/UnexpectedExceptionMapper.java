package io.tenantconfig.adapters.rest.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything else is our fault: 500 with a reference the user can quote, and the details only in
 * the log (never a stack trace or SQL in the body).
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected error, reference {}", reference, e);
        return Problem.response(500, "Something went wrong on our side (reference " + reference + ").");
    }
}
