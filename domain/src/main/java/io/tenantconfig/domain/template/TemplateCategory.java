package io.tenantconfig.domain.template;

import io.tenantconfig.domain.InvalidValueException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a template is for, which decides its price and Meta's review: Meta's three categories. Meta
 * may move a template to another category on review ({@code template_category_update}).
 */
public enum TemplateCategory {
    MARKETING,
    UTILITY,
    AUTHENTICATION;

    /** @throws InvalidValueException unless one of the three, as Meta writes them */
    public static TemplateCategory parse(String value) {
        for (TemplateCategory category : values()) {
            if (category.name().equals(value)) {
                return category;
            }
        }
        throw new InvalidValueException(
                "must be one of " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
