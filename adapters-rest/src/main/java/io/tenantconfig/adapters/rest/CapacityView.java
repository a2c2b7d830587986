package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.port.in.ConfigLoader;
import io.tenantconfig.application.port.out.StoreUnavailableException;
import io.tenantconfig.domain.PhoneNumber;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.capacity.NumberCapacity;

/**
 * How fast a number may send, for the sending code to pace itself: Meta's throughput of the number
 * in messages a second (80 by default, 1,000 after Meta's upgrade, 20 for a WhatsApp Business app
 * number), its quality rating and its business portfolio's messaging limit tier as Meta last said
 * them ({@code null}: not said yet, a number never checked).
 */
@Schema(
        description = "How fast the number may send: messages_per_second (80 by default, 1,000 after Meta's"
                + " upgrade, 20 for a WhatsApp Business app number), quality_rating and the business portfolio's"
                + " messaging_limit_tier as Meta last said them (null until a check or webhook said them)")
public record CapacityView(
        @JsonProperty("messages_per_second") int messagesPerSecond,
        @JsonProperty("quality_rating") String qualityRating,
        @JsonProperty("messaging_limit_tier") String messagingLimitTier) {

    /** Of a number nothing is known of: Meta's default pace. */
    static final CapacityView UNKNOWN = of(NumberCapacity.UNKNOWN, false);

    static CapacityView of(NumberOwner owner) {
        return of(owner.capacity(), owner.coexistence());
    }

    /**
     * The capacity of one of the tenant's numbers, as the loader's number directory answers it from
     * memory; Meta's pace for such a number, nothing else said, while the directory cannot answer.
     */
    static CapacityView of(ConfigLoader configLoader, TenantConfig config, PhoneNumber number) {
        try {
            return configLoader
                    .ownerOfNumber(number.id())
                    .filter(owner -> owner.tenantId().equals(config.tenantId()))
                    .map(CapacityView::of)
                    .orElseGet(() -> of(NumberCapacity.UNKNOWN, number.coexistence()));
        } catch (StoreUnavailableException e) {
            return of(NumberCapacity.UNKNOWN, number.coexistence());
        }
    }

    static CapacityView of(NumberCapacity capacity, boolean coexistence) {
        return new CapacityView(
                capacity.messagesPerSecond(coexistence), capacity.qualityRating(), capacity.messagingLimitTier());
    }
}
