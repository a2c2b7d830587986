package io.tenantconfig.adapters.rest;

import io.tenantconfig.domain.TenantId;
import org.slf4j.MDC;

/**
 * What every log line written while serving a request says about it, through the logging MDC:
 * the request's id (as in {@code X-Request-Id} and the audit trail) and, once the token is
 * verified, the caller's tenant. The log format shows them as {@code %X{request_id}} and
 * {@code %X{tenant_id}}; the JSON layout includes them as fields.
 */
public final class LogContext {

    public static final String REQUEST_ID = "request_id";
    public static final String TENANT_ID = "tenant_id";

    private LogContext() {}

    static void request(String requestId) {
        MDC.remove(TENANT_ID);
        MDC.put(REQUEST_ID, requestId);
    }

    public static void tenant(TenantId tenantId) {
        MDC.put(TENANT_ID, tenantId.value());
    }

    static void clear() {
        MDC.remove(REQUEST_ID);
        MDC.remove(TENANT_ID);
    }
}
