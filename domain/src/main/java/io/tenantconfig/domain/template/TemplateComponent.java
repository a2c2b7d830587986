package io.tenantconfig.domain.template;

import io.tenantconfig.domain.InvalidValueException;
import java.util.Objects;

/**
 * One part of a template the sending code fills in, with how many parameters it takes: the
 * {@code HEADER}, the {@code BODY}, the {@code FOOTER} (never any), and each button in order
 * ({@code BUTTON}, with Meta's button type in {@code subType} and its position in {@code index}).
 * A message that gives a component another number of parameters is refused by Meta (132000).
 *
 * @param type Meta's component type ({@code HEADER}, {@code BODY}, {@code FOOTER}, {@code BUTTON},
 *     or one Meta added since, kept as written)
 * @param subType the header's format ({@code TEXT}, {@code IMAGE}...) or the button's type
 *     ({@code URL}, {@code QUICK_REPLY}...); {@code null} for the others
 * @param index the button's position from 0; {@code null} for anything but a button
 * @param parameters how many parameters the message must give it
 */
public record TemplateComponent(String type, String subType, Integer index, int parameters) {

    public static final String HEADER = "HEADER";
    public static final String BODY = "BODY";
    public static final String FOOTER = "FOOTER";
    public static final String BUTTON = "BUTTON";

    public TemplateComponent {
        Objects.requireNonNull(type, "type");
        if (parameters < 0) {
            throw new InvalidValueException("a component takes 0 or more parameters");
        }
        if (BUTTON.equals(type) != (index != null)) {
            throw new InvalidValueException("a button, and only a button, has a position");
        }
    }

    public static TemplateComponent header(String format, int parameters) {
        return new TemplateComponent(HEADER, format, null, parameters);
    }

    public static TemplateComponent body(int parameters) {
        return new TemplateComponent(BODY, null, null, parameters);
    }

    public static TemplateComponent button(int index, String buttonType, int parameters) {
        return new TemplateComponent(BUTTON, buttonType, index, parameters);
    }
}
