package io.tenantconfig.adapters.rest.auth;

/**
 * The roles the API knows, as used in {@code @RolesAllowed}. A token's own role names are mapped
 * to these by configuration ({@code auth.adminRole}, {@code auth.serviceRole}).
 */
public final class Roles {

    /** Platform admins: every tenant, the admin endpoints, unmasked secrets. */
    public static final String ADMIN = "admin";

    /** Backend services such as the message sender: their tenant's unmasked credentials. */
    public static final String SERVICE = "service";

    private Roles() {}
}
