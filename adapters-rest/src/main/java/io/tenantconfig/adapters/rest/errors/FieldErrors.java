package io.tenantconfig.adapters.rest.errors;

import io.tenantconfig.domain.FieldUpdate;
import io.tenantconfig.domain.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns the fields of a request into domain values, collecting every refusal under the field's
 * name instead of stopping at the first, so a caller learns about all of its mistakes in one 422.
 * The message is the field's name and the value type's expectation: "waba_id must be 1 to 32
 * digits". The refused value is never repeated.
 */
public final class FieldErrors {

    private final List<Problem.FieldError> found = new ArrayList<>();

    /** A field that may be kept, cleared or set; a refused value is recorded and the field kept. */
    public <T> FieldUpdate<T> change(String field, FieldUpdate<String> given, Function<String, T> parse) {
        if (given.clears()) {
            return FieldUpdate.clear();
        }
        return given.newValue()
                .map(value -> parse(field, value, parse))
                .map(FieldUpdate::to)
                .orElse(FieldUpdate.keep());
    }

    /** A flag may be set, not cleared. */
    public FieldUpdate<Boolean> flag(String field, FieldUpdate<Boolean> given) {
        if (given.clears()) {
            add(field, field + " must be true or false");
            return FieldUpdate.keep();
        }
        return given;
    }

    /** A field that must be given; {@code null} when it is missing or refused. */
    public <T> T required(String field, String given, Function<String, T> parse) {
        if (given == null) {
            add(field, field + " is required");
            return null;
        }
        return parse(field, given, parse);
    }

    /** A field that may be left out; {@code null} when it is absent or refused. */
    public <T> T optional(String field, String given, Function<String, T> parse) {
        return given == null ? null : parse(field, given, parse);
    }

    public void add(String field, String message) {
        found.add(new Problem.FieldError(field, message));
    }

    /** @throws InvalidRequestException naming every field at fault, if any */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
    }

    private <T> T parse(String field, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (InvalidValueException e) {
            add(field, field + " " + e.getMessage());
            return null;
        }
    }
}
