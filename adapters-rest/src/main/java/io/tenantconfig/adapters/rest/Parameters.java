package io.tenantconfig.adapters.rest;

import io.tenantconfig.adapters.rest.errors.InvalidRequestException;
import io.tenantconfig.domain.InvalidValueException;
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
}
