package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.ValueSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How many credentials the loader resolved from each source since the service started. */
public final class ResolutionCounter {

    private final Map<ValueSource, LongAdder> counts = new EnumMap<>(ValueSource.class);

    public ResolutionCounter() {
        for (ValueSource source : ValueSource.values()) {
            counts.put(source, new LongAdder());
        }
    }

    void count(ValueSource source) {
        counts.get(source).increment();
    }

    /** A snapshot, every source present. */
    public Map<ValueSource, Long> snapshot() {
        Map<ValueSource, Long> snapshot = new EnumMap<>(ValueSource.class);
        counts.forEach((source, count) -> snapshot.put(source, count.sum()));
        return snapshot;
    }
}
