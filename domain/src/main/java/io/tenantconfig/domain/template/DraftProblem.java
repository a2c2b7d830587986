package io.tenantconfig.domain.template;

import java.util.Objects;

/**
 * Something in a template draft Meta would refuse: the field, as the creation body names it
 * ({@code components[1].text}), and what it must be. Never repeats the refused value.
 */
public record DraftProblem(String field, String message) {

    public DraftProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
