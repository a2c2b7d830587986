package io.tenantconfig.domain;

import java.util.Map;
import java.util.function.Function;

/**
 * The tenant's own Meta app, when it has one: its id and secret. Absent values fall back to the
 * platform's app (see the ConfigLoader).
 */
public record AppCredentials(MetaId appId, Secret appSecret) {

    /** Its fields by their data-model names (what audit events name). */
    static final Map<String, Function<AppCredentials, Object>> FIELDS = Map.of(
            "fb_app_id", AppCredentials::appId,
            "fb_app_secret", AppCredentials::appSecret);

    public static final AppCredentials NONE = new AppCredentials(null, null);
}
