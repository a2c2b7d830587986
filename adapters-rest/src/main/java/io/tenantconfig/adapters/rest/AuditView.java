package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.domain.AuditRecord;
import java.util.List;

/** A page of the audit trail, newest first; {@code next_before} asks for the following page. */
public record AuditView(
        @JsonProperty("records") List<Entry> records,
        @JsonProperty("next_before") Long nextBefore) {

    public record Entry(
            @JsonProperty("id") long id,
            @JsonProperty("occurred_at") String occurredAt,
            @JsonProperty("actor") String actor,
            @JsonProperty("roles") List<String> roles,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("action") String action,
            @JsonProperty("fields") List<String> fields,
            @JsonProperty("request_id") String requestId,
            @JsonProperty("client_address") String clientAddress) {
    }

    static AuditView of(List<AuditRecord> records, int limit) {
        List<Entry> entries = records.stream().map(r -> new Entry(r.id(), r.occurredAt().toString(), r.actor().subject(),
                r.actor().roles().stream().sorted().toList(), r.tenantId() == null ? null : r.tenantId().value(),
                r.action().name(), r.fields().stream().sorted().toList(), r.actor().requestId(),
                r.actor().clientAddress())).toList();
        Long next = entries.size() == limit ? entries.get(entries.size() - 1).id() : null;
        return new AuditView(entries, next);
    }
}
