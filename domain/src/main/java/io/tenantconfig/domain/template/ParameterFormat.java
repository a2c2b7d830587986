package io.tenantconfig.domain.template;

import io.tenantconfig.domain.InvalidValueException;

/**
 * How a template's parameters are written: {@code {{1}}}, {@code {{2}}}... in order (Meta's
 * default), or by name ({@code {{first_name}}}). One template uses one of the two throughout.
 */
public enum ParameterFormat {
    POSITIONAL,
    NAMED;

    /** @throws InvalidValueException unless one of the two, as Meta writes them */
    public static ParameterFormat parse(String value) {
        for (ParameterFormat format : values()) {
            if (format.name().equals(value)) {
                return format;
            }
        }
        throw new InvalidValueException("must be POSITIONAL or NAMED");
    }
}
