package io.tenantconfig.adapters.persistence;

/**
 * The PostgreSQL notification channel on which every write announces the tenant it changed, so
 * that each instance can drop that tenant from its cache. The payload is the tenant id, or the
 * empty string when every configuration changed (delete-all).
 */
final class ConfigNotifications {

    static final String CHANNEL = "tenant_config_changed";
    static final String ALL_TENANTS = "";

    private ConfigNotifications() {}
}
