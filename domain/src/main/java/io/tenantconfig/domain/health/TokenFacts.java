package io.tenantconfig.domain.health;

import io.tenantconfig.domain.MetaId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What Meta's {@code debug_token} says about a tenant's token: whether it is valid (and if not,
 * Meta's error code and subcode), its type ({@code SYSTEM_USER}, {@code USER}...), the app it
 * belongs to, when it expires ({@code null}: never), when its access to data expires ({@code null}:
 * never, or not said), its scopes, and for a granular scope the ids it is limited to (absent: not
 * limited).
 */
public record TokenFacts(
        boolean valid,
        Integer errorCode,
        Integer errorSubcode,
        String type,
        MetaId appId,
        Instant expiresAt,
        Instant dataAccessExpiresAt,
        Set<String> scopes,
        Map<String, Set<MetaId>> scopeTargets) {

    /** Without a data access expiry. */
    public TokenFacts(
            boolean valid,
            Integer errorCode,
            Integer errorSubcode,
            String type,
            MetaId appId,
            Instant expiresAt,
            Set<String> scopes,
            Map<String, Set<MetaId>> scopeTargets) {
        this(valid, errorCode, errorSubcode, type, appId, expiresAt, null, scopes, scopeTargets);
    }

    public static final String MANAGEMENT = "whatsapp_business_management";
    public static final String MESSAGING = "whatsapp_business_messaging";

    public TokenFacts {
        scopes = Set.copyOf(scopes);
        scopeTargets = Map.copyOf(scopeTargets);
    }
}
