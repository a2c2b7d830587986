package io.tenantconfig.adapters.rest.auth;

import java.util.List;

/**
 * Where in a token's claims to find each piece of the caller, in order of preference. The
 * defaults read tokens the way the existing issuer writes them.
 */
public record ClaimNames(List<String> tenant, List<String> user, List<String> roles, String email, String modules) {

    public static final ClaimNames DEFAULTS = new ClaimNames(
            List.of("tenant_id", "tenant", "tenantId"),
            List.of("user_id", "sub", "id"),
            List.of("roles", "role"),
            "email",
            "modules");

    public ClaimNames {
        tenant = List.copyOf(tenant);
        user = List.copyOf(user);
        roles = List.copyOf(roles);
    }
}
