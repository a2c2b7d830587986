package io.tenantconfig.domain.profile;

import io.tenantconfig.domain.InvalidValueException;

/**
 * The industry a business profile shows, as Meta's Business Profiles reference lists its values
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/business-profiles).
 */
public enum BusinessVertical {
    UNDEFINED,
    OTHER,
    AUTO,
    BEAUTY,
    APPAREL,
    EDU,
    ENTERTAIN,
    EVENT_PLAN,
    FINANCE,
    GROCERY,
    GOVT,
    HOTEL,
    HEALTH,
    NONPROFIT,
    PROF_SERVICES,
    RETAIL,
    TRAVEL,
    RESTAURANT,
    NOT_A_BIZ;

    /** @throws InvalidValueException unless one of Meta's values, as Meta writes them */
    public static BusinessVertical parse(String value) {
        for (BusinessVertical vertical : values()) {
            if (vertical.name().equals(value)) {
                return vertical;
            }
        }
        throw new InvalidValueException("must be one of Meta's verticals: UNDEFINED, OTHER, AUTO, BEAUTY, APPAREL,"
                + " EDU, ENTERTAIN, EVENT_PLAN, FINANCE, GROCERY, GOVT, HOTEL, HEALTH, NONPROFIT, PROF_SERVICES,"
                + " RETAIL, TRAVEL, RESTAURANT or NOT_A_BIZ");
    }
}
