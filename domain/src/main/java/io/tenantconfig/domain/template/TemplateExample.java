package io.tenantconfig.domain.template;

import java.util.List;

/**
 * The sample values Meta reviews a template with, as its {@code example} object writes them: for
 * positional parameters {@code header_text} (one value) and {@code body_text} (one list of values,
 * in order); for named ones {@code header_text_named_params} and {@code body_text_named_params};
 * for a media header {@code header_handle} (an uploaded file's handle). Each is {@code null} when
 * left out.
 */
public record TemplateExample(
        List<String> headerText,
        List<List<String>> bodyText,
        List<String> headerHandle,
        List<NamedExample> headerTextNamedParams,
        List<NamedExample> bodyTextNamedParams) {

    public static final TemplateExample NONE = new TemplateExample(null, null, null, null, null);

    /** A named parameter's sample value. */
    public record NamedExample(String paramName, String example) {}
}
