package io.tenantconfig.domain;

/**
 * Text from outside (a token's claim, a webhook's field, a query) that is written again into a
 * log line, an audit entry or a stored reason. Control characters in it could forge a log line
 * (a newline), be refused by PostgreSQL (NUL) or hide what follows them; written as
 * {@code \\uXXXX} they stay visible and harmless.
 */
public final class UntrustedText {

    private UntrustedText() {}

    /** True when the text holds a control character (below 0x20, 0x7F to 0x9F) or an invisible format character. */
    public static boolean hasControlCharacters(String text) {
        return text != null && !Text.isPrintable(text);
    }

    /** The text with each control or format character written as {@code \\uXXXX}; null stays null. */
    public static String escaped(String text) {
        if (!hasControlCharacters(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
