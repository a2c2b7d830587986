package io.tenantconfig.bootstrap.database;

import io.tenantconfig.application.port.out.AuditLog;
import io.tenantconfig.application.port.out.ConfigCatalog;
import io.tenantconfig.application.port.out.ConfigStore;

/** The database as the use cases see it: the store (behind its cache), the catalog and the audit log. */
public record Database(ConfigStore store, ConfigCatalog catalog, AuditLog auditLog) {}
