package io.tenantconfig.adapters.rest.auth;

import io.tenantconfig.adapters.rest.RequestIdentity;
import io.tenantconfig.adapters.rest.errors.ApiException;
import io.tenantconfig.application.Actor;
import io.tenantconfig.domain.TenantId;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as their verified token says. The tenant a request acts on is this tenant and
 * nothing else: no header, cookie or parameter can change it.
 */
public final class CallerPrincipal implements Principal {

    private final String subject;
    private final TenantId tenant;
    private final Set<String> roles;
    private final List<String> tokenRoles;
    private final String email;
    private final List<String> modules;
    private final Instant expiresAt;

    public CallerPrincipal(
            String subject,
            TenantId tenant,
            Set<String> roles,
            List<String> tokenRoles,
            String email,
            List<String> modules,
            Instant expiresAt) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.tenant = tenant;
        this.roles = Set.copyOf(roles);
        this.tokenRoles = List.copyOf(tokenRoles);
        this.email = email;
        this.modules = List.copyOf(modules);
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String getName() {
        return subject;
    }

    public String subject() {
        return subject;
    }

    public Optional<TenantId> tenant() {
        return Optional.ofNullable(tenant);
    }

    /**
     * The tenant this caller acts for.
     *
     * @throws ApiException 403 when the token names no tenant (such tokens may use admin endpoints only)
     */
    public TenantId requireTenant() {
        if (tenant == null) {
            throw new ApiException(403, "Your token does not name a tenant; only the admin endpoints accept it.");
        }
        return tenant;
    }

    /** The caller as the audit trail records it, with the current request's id and client address. */
    public Actor actor() {
        return new Actor(subject, roles, RequestIdentity.requestId(), RequestIdentity.clientAddress());
    }

    /** The API roles ({@link Roles}) this caller holds. */
    public Set<String> roles() {
        return roles;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The role names exactly as the token carries them. */
    public List<String> tokenRoles() {
        return tokenRoles;
    }

    public String email() {
        return email;
    }

    public List<String> modules() {
        return modules;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "CallerPrincipal[subject=" + subject + ", tenant=" + tenant + ", roles=" + roles + "]";
    }
}
