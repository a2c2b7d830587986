package io.tenantconfig.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a partial update does to one field: keep it, set it, or clear it. "Not mentioned" and
 * "set to nothing" are different requests, and a partial update has to tell them apart.
 */
public final class FieldUpdate<T> {

    private static final FieldUpdate<?> KEEP = new FieldUpdate<>(false, null);
    private static final FieldUpdate<?> CLEAR = new FieldUpdate<>(true, null);

    private final boolean given;
    private final T value;

    private FieldUpdate(boolean given, T value) {
        this.given = given;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> FieldUpdate<T> keep() {
        return (FieldUpdate<T>) KEEP;
    }

    @SuppressWarnings("unchecked")
    public static <T> FieldUpdate<T> clear() {
        return (FieldUpdate<T>) CLEAR;
    }

    public static <T> FieldUpdate<T> to(T value) {
        return new FieldUpdate<>(true, Objects.requireNonNull(value, "value"));
    }

    /** Set to {@code value}, or keep the field as it is when there is none. */
    public static <T> FieldUpdate<T> toIfGiven(T value) {
        return value == null ? keep() : to(value);
    }

    /** Set to {@code value}, or clear the field when there is none. */
    public static <T> FieldUpdate<T> toOrClear(T value) {
        return value == null ? clear() : to(value);
    }

    public boolean clears() {
        return given && value == null;
    }

    /** The value this change sets; empty when it keeps or clears the field. */
    public Optional<T> newValue() {
        return Optional.ofNullable(value);
    }

    /** The field's value after this change, given its value before. */
    public T applyTo(T current) {
        return given ? value : current;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldUpdate<?> that && given == that.given && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(given, value);
    }

    @Override
    public String toString() {
        if (!given) {
            return "keep";
        }
        return value == null ? "clear" : "set";
    }
}
