package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantconfig.domain.Change;
import io.tenantconfig.domain.FieldViolation;
import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.Violations;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads a JSON request body field by field, recording every problem (wrong type, refused value,
 * unknown field) in {@link Violations} under the field's name as the request spells it, and never
 * the value itself. Remembers the fields it was asked for, so the others can be refused.
 */
final class JsonFields {

    private static final int MAX_ECHOED_NAME = 64;

    private final JsonNode body;
    private final Violations violations;
    private final Set<String> known = new HashSet<>();

    /** @throws io.tenantconfig.domain.InvalidTenantConfigException when the body is not a JSON object */
    JsonFields(JsonNode body, Violations violations) {
        if (body == null || !body.isObject()) {
            violations.add(new FieldViolation("body", "must be a JSON object"));
            violations.throwIfAny();
        }
        this.body = body;
        this.violations = violations;
    }

    /** A string field: absent keeps, {@code null} clears, a string is parsed. */
    <T> Change<T> text(String name, Function<String, T> parse) {
        known.add(name);
        if (!body.has(name)) {
            return Change.keep();
        }
        JsonNode node = body.get(name);
        if (node.isNull()) {
            return Change.clear();
        }
        if (!node.isTextual()) {
            violations.add(new FieldViolation(name, name + " must be a string"));
            return Change.keep();
        }
        try {
            return Change.to(parse.apply(node.textValue()));
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(name, asNamed(name, e)));
            return Change.keep();
        }
    }

    /** A string field that must be given; {@code null} when it is missing or refused. */
    <T> T required(String name, Function<String, T> parse) {
        if (!body.has(name) || body.get(name).isNull()) {
            known.add(name);
            violations.add(new FieldViolation(name, name + " is required"));
            return null;
        }
        return text(name, parse).applyTo(null);
    }

    /** A string field that may be left out; {@code null} when it is absent, null or refused. */
    <T> T optional(String name, Function<String, T> parse) {
        return text(name, parse).applyTo(null);
    }

    /** A boolean field: absent keeps. */
    Change<Boolean> flag(String name) {
        known.add(name);
        if (!body.has(name)) {
            return Change.keep();
        }
        JsonNode node = body.get(name);
        if (!node.isBoolean()) {
            violations.add(new FieldViolation(name, name + " must be true or false"));
            return Change.keep();
        }
        return Change.to(node.booleanValue());
    }

    /** Refuses every field not read so far, saying why with {@code why(name)}. */
    void refuseOthers(UnaryOperator<String> why) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String shown = name.length() > MAX_ECHOED_NAME ? name.substring(0, MAX_ECHOED_NAME) + "..." : name;
                violations.add(new FieldViolation(shown, why.apply(shown)));
            }
        }
    }

    /** The domain names the field by its data-model name; the request may spell it otherwise. */
    private static String asNamed(String name, IllegalArgumentException e) {
        if (e instanceof InvalidValueException invalid) {
            return e.getMessage().replaceFirst("^" + invalid.field().fieldName(), name);
        }
        return e.getMessage();
    }
}
