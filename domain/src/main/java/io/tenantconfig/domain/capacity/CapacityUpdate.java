package io.tenantconfig.domain.capacity;

/**
 * What one of Meta's webhooks says of an account's numbers' capacity ({@code null}: not said): the
 * throughput level of its number whose display number has {@code displayDigits}, and the messaging
 * limit tier of every number of the account (the limit is the business portfolio's, shared by all
 * its numbers).
 */
public record CapacityUpdate(String displayDigits, String throughputLevel, String messagingLimitTier) {

    public CapacityUpdate {
        throughputLevel = NumberCapacity.word(throughputLevel);
        messagingLimitTier = NumberCapacity.word(messagingLimitTier);
    }

    /** Whether it says anything at all. */
    public boolean saysSomething() {
        return throughputLevel != null || messagingLimitTier != null;
    }
}
