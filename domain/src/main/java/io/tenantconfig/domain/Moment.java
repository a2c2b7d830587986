package io.tenantconfig.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A moment a caller gives (a token's expiry, a filter's "since"): an ISO-8601 date-time with its
 * offset, from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z. Java reads years far outside what
 * PostgreSQL stores (4713 BC to 294276 AD); nothing this service keeps lies outside that range.
 */
public final class Moment {

    public static final Instant EARLIEST = Instant.EPOCH;
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Moment() {}

    /** @throws InvalidValueException naming the expected form and range */
    public static Instant parse(String value) {
        Instant moment;
        try {
            moment = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidValueException("must be an ISO-8601 date-time with an offset, e.g. 2026-03-01T12:00:00Z");
        }
        return inRange(moment);
    }

    /** @throws InvalidValueException when the moment lies outside the range */
    public static Instant inRange(Instant moment) {
        if (moment.isBefore(EARLIEST) || moment.isAfter(LATEST)) {
            throw new InvalidValueException("must lie between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        }
        return moment;
    }
}
