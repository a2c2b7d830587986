package io.tenantconfig.domain;

/**
 * The tenant's own Meta app, when it has one: its id and secret. Absent values fall back to the
 * platform's app (see the ConfigLoader).
 */
public record AppCredentials(MetaId appId, Secret appSecret) {

    public static final AppCredentials NONE = new AppCredentials(null, null);
}
