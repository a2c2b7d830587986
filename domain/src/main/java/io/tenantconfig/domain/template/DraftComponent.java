package io.tenantconfig.domain.template;

import io.tenantconfig.domain.InvalidValueException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One component of a template as Meta's creation body writes it: a header, the body, a footer or
 * the buttons. Each field is {@code null} when the request left it out; which of them a component
 * of each type needs, and what it may hold, is {@link TemplateDraftRules}'.
 *
 * @param format a header's: text, a medium or a location
 * @param addSecurityRecommendation an authentication template's body: Meta adds its security advice
 * @param codeExpirationMinutes an authentication template's footer: how long its code is valid
 */
public record DraftComponent(
        Type type,
        HeaderFormat format,
        String text,
        TemplateExample example,
        List<TemplateButton> buttons,
        Boolean addSecurityRecommendation,
        Integer codeExpirationMinutes) {

    public DraftComponent {
        Objects.requireNonNull(type, "type");
        buttons = buttons == null ? null : List.copyOf(buttons);
    }

    /** A component of {@code type} with text only (a body or footer). */
    public static DraftComponent text(Type type, String text) {
        return new DraftComponent(type, type == Type.HEADER ? HeaderFormat.TEXT : null, text, null, null, null, null);
    }

    public enum Type {
        HEADER,
        BODY,
        FOOTER,
        BUTTONS;

        /** @throws InvalidValueException unless one of the four, upper or lower case (Meta takes both) */
        public static Type parse(String value) {
            return DraftComponent.parse(Type.class, value);
        }
    }

    /** What a header shows. */
    public enum HeaderFormat {
        TEXT,
        IMAGE,
        VIDEO,
        GIF,
        DOCUMENT,
        LOCATION;

        /** @throws InvalidValueException unless one of Meta's header formats, upper or lower case */
        public static HeaderFormat parse(String value) {
            return DraftComponent.parse(HeaderFormat.class, value);
        }

        /** Whether the header is a medium, whose example is an uploaded file's handle. */
        public boolean media() {
            return this == IMAGE || this == VIDEO || this == GIF || this == DOCUMENT;
        }
    }

    static <E extends Enum<E>> E parse(Class<E> kind, String value) {
        for (E constant : kind.getEnumConstants()) {
            if (value != null && constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new InvalidValueException("must be one of "
                + Arrays.stream(kind.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
