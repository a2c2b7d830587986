package io.tenantconfig.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every secret value the tests of this JVM handed to the service: tokens, app secrets, PINs,
 * signup codes, JWTs, keysets. {@link LogLeakGuard} checks that none of them was ever logged.
 */
public final class SecretValues {

    private static final int SHORTEST_CHECKED = 6;
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();
    /** The fields of the API's request bodies (and Meta's) that carry a secret. */
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "\"(access_token|fb_app_secret|refresh_token|code|pin|registration_pin|client_secret)\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");

    private SecretValues() {}

    /** Registers {@code value} as secret and returns it, so fixtures can register as they create. */
    public static String secret(String value) {
        if (value != null && value.length() >= SHORTEST_CHECKED) {
            VALUES.add(value);
        }
        return value;
    }

    /**
     * Registers every secret a JSON request body carries (tokens, app secrets, signup codes, PINs)
     * and returns the body: the tests' HTTP clients pass every body they send through this.
     */
    public static String inJsonBody(String body) {
        if (body != null) {
            Matcher field = SECRET_FIELD.matcher(body);
            while (field.find()) {
                if (!field.group(2).startsWith("***")) {
                    secret(field.group(2));
                }
            }
        }
        return body;
    }

    /** Registers the token of an {@code Authorization: Bearer ...} header. */
    public static void inAuthorization(String header) {
        if (header != null && header.startsWith("Bearer ")) {
            secret(header.substring("Bearer ".length()));
        }
    }

    static Set<String> all() {
        return Set.copyOf(VALUES);
    }
}
