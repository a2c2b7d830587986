package io.tenantconfig.application.port.out;

import java.util.Optional;

/**
 * The platform-wide credentials used when a tenant has none of its own: the process environment,
 * then a {@code .env} file. Looked up by variable name, e.g. {@code WHATSAPP_TOKEN}.
 */
public interface CredentialFallback {

    /** The value of {@code variable}; empty when it is not set or blank. */
    Optional<String> lookup(String variable);
}
