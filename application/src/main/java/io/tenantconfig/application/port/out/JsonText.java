package io.tenantconfig.application.port.out;

import java.util.Objects;

/** A JSON value carried as its text, written into an event's data as it is (Meta's {@code value}, unchanged). */
public record JsonText(String json) {

    public JsonText {
        Objects.requireNonNull(json, "json");
    }
}
