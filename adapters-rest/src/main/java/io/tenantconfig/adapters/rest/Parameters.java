package io.tenantconfig.adapters.rest;

import io.tenantconfig.adapters.rest.errors.InvalidRequestException;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.Moment;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Path and query values read as the value types they stand for; one that cannot be one answers
 * 422 naming the parameter ({@code "tenant_id must be ..."}).
 */
final class Parameters {

    private Parameters() {}

    static <T> T required(String name, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (InvalidValueException e) {
            throw InvalidRequestException.of(name, name + " " + e.getMessage());
        }
    }

    /** Nothing for an absent or empty value. */
    static <T> Optional<T> optional(String name, String value, Function<String, T> parse) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(required(name, value, parse));
    }

    /** The {@code after} of a paged list: the {@code next} a previous page gave; nothing when absent. */
    static Optional<Long> cursor(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.matches("[0-9]{1,18}")) {
            throw InvalidRequestException.of("after", "after must be the next of a previous page");
        }
        return Optional.of(Long.parseLong(value));
    }

    /** A moment with its offset ({@code 2026-12-01T00:00:00Z}) in the range the service stores; nothing when absent. */
    static Optional<Instant> moment(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Instant moment;
        try {
            moment = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of(
                    name, name + " must be a moment with its offset, e.g. 2026-12-01T00:00:00Z");
        }
        try {
            return Optional.of(Moment.inRange(moment));
        } catch (InvalidValueException e) {
            throw InvalidRequestException.of(name, name + " " + e.getMessage());
        }
    }
}
