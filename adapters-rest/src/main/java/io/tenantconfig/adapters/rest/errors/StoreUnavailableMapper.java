package io.tenantconfig.adapters.rest.errors;

import io.tenantconfig.application.port.out.StoreUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** 503 with {@code Retry-After} when the database cannot be reached. */
public final class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailableException> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableMapper.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Response toResponse(StoreUnavailableException e) {
        LOG.warn("Database unavailable: {}", e.getMessage());
        return Problem.response(
                503,
                "The configuration store is unavailable. Try again shortly.",
                null,
                Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }
}
