package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.application.port.out.AuditEntry;
import io.tenantconfig.application.port.out.AuditRecord;
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
            @JsonProperty("client_address") String clientAddress) {}

    static AuditView of(List<AuditRecord> records, int limit) {
        List<Entry> entries = records.stream().map(AuditView::entry).toList();
        Long next = entries.size() == limit ? entries.get(entries.size() - 1).id() : null;
        return new AuditView(entries, next);
    }

    private static Entry entry(AuditRecord record) {
        AuditEntry e = record.entry();
        return new Entry(
                record.id(),
                record.occurredAt().toString(),
                e.actor().subject(),
                e.actor().roles().stream().sorted().toList(),
                e.tenantId() == null ? null : e.tenantId().value(),
                e.action().name(),
                e.fields().stream().sorted().toList(),
                e.actor().requestId(),
                e.actor().clientAddress());
    }
}
