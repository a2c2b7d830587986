package io.tenantconfig.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * A URL Meta calls or redirects to: absolute, https, at most 500 characters. Plain http is
 * accepted only for the local machine, where developers test their webhooks.
 */
public record WebUrl(String value) {

    public static final int MAX_LENGTH = 500;
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    public WebUrl {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidValueException(problem);
        }
    }

    public static WebUrl parse(String value) {
        return new WebUrl(value);
    }

    private static String problemWith(String value) {
        if (value == null || value.isBlank()) {
            return "must not be empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "must be a valid absolute URL";
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return "must be an absolute URL with a host";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not contain a user name or password";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean local = LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (scheme.equals("https") || (scheme.equals("http") && local)) {
            return null;
        }
        return "must use https (http is accepted only for localhost)";
    }

    @Override
    public String toString() {
        return value;
    }
}
