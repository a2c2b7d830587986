package io.tenantconfig.adapters.rest.errors;

import java.util.Map;

/**
 * A request the API answers with an error of its own making: a status and a {@code detail} the
 * user can act on. The detail must never contain a secret.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    public ApiException(int status, String detail) {
        this(status, detail, Map.of());
    }

    public ApiException(int status, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }
}
