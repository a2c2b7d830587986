package io.tenantconfig.domain.template;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many parameters a template's text takes: its distinct placeholders, positional
 * ({@code {{1}}}) or named ({@code {{first_name}}}), each counted once however often it appears.
 */
public final class TemplateParameters {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private TemplateParameters() {}

    public static int in(String text) {
        if (text == null) {
            return 0;
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names.size();
    }
}
