package io.tenantconfig.adapters.meta;

import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Meta's Graph API is and how to call it: base URL and version, our app's id and secret,
 * the connect and request timeouts, and how long to ask callers to wait when Meta rate-limits us
 * without saying for how long.
 */
public record GraphApiSettings(
        URI baseUrl,
        String version,
        MetaId appId,
        Secret appSecret,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration defaultRetryAfter) {

    public GraphApiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(defaultRetryAfter, "defaultRetryAfter");
        if (!version.matches("v[0-9]+\\.[0-9]+")) {
            throw new IllegalArgumentException("meta.graphApiVersion must look like v23.0, got " + version);
        }
        String scheme = baseUrl.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("meta.graphApiBaseUrl must be an http(s) URL");
        }
    }

    /** {@code {baseUrl}/{version}/{path}}. */
    URI resolve(String pathAndQuery) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/" + version + "/" + pathAndQuery);
    }
}
