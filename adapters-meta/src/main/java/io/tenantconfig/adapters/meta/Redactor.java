package io.tenantconfig.adapters.meta;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes the secrets of one call (the code, a token, the app secret, the PIN) from text that came
 * back from Meta, in case Meta ever echoes one, before that text reaches a log or a response.
 */
final class Redactor {

    private static final int SHORTEST_REDACTED = 4;

    private final List<String> secrets = new ArrayList<>();

    Redactor(String... secrets) {
        for (String secret : secrets) {
            if (secret != null && secret.length() >= SHORTEST_REDACTED) {
                this.secrets.add(secret);
            }
        }
    }

    String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }
}
