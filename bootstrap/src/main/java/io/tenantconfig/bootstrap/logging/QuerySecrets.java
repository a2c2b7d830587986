package io.tenantconfig.bootstrap.logging;

import io.tenantconfig.domain.UntrustedText;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log line with the values of the query parameters that carry secrets replaced by {@code ***}:
 * Meta's handshake ({@code hub.verify_token}, {@code hub.challenge}), tokens a client sent in the
 * address ({@code access_token}), and what Meta's OAuth calls take ({@code code},
 * {@code client_secret}, {@code input_token}, {@code fb_exchange_token}). A parameter's name is
 * compared decoded and in any case, so {@code ACCESS%5Ftoken} is masked too. Control characters
 * are escaped, so the line stays one line.
 */
public final class QuerySecrets {

    static final Set<String> NAMES = Set.of(
            "hub.verify_token",
            "hub.challenge",
            "access_token",
            "code",
            "input_token",
            "client_secret",
            "fb_exchange_token");

    private static final Pattern PARAMETER = Pattern.compile("([?&;])([^=&;?\\s\"#]+)=([^&;\\s\"#]*)");

    private QuerySecrets() {}

    public static String redacted(String line) {
        if (line == null || line.indexOf('=') < 0) {
            return UntrustedText.escaped(line);
        }
        Matcher parameter = PARAMETER.matcher(line);
        StringBuilder out = new StringBuilder(line.length());
        while (parameter.find()) {
            String value = isSecret(parameter.group(2)) ? "***" : parameter.group(3);
            parameter.appendReplacement(
                    out, Matcher.quoteReplacement(parameter.group(1) + parameter.group(2) + "=" + value));
        }
        parameter.appendTail(out);
        return UntrustedText.escaped(out.toString());
    }

    private static boolean isSecret(String name) {
        String decoded;
        try {
            decoded = URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = name;
        }
        return NAMES.contains(decoded.toLowerCase(Locale.ROOT));
    }
}
