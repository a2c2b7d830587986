package io.tenantconfig.domain;

import java.util.Objects;

/** A configuration after a change, and what the change meant: store the one, record the other. */
public record Changed(TenantConfig config, DomainEvent.ConfigEvent event) implements Outcome {

    public Changed {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(event, "event");
    }
}
