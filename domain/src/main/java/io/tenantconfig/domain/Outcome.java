package io.tenantconfig.domain;

/**
 * What a rule of {@link TenantConfig} came to, in one of three ways the caller has to tell apart:
 * a {@link Changed} configuration to store with its event to record, nothing to do, or a
 * {@link Refusal} to answer. A refusal is returned like the others, not thrown: it is an answer
 * the tenant caused and can act on, so it goes where every outcome goes, and no rule's caller can
 * forget to catch it.
 */
public sealed interface Outcome permits Changed, Outcome.Unchanged, Refusal {

    /** The configuration is as the rule would make it already: nothing to store, nothing to record. */
    record Unchanged() implements Outcome {}
}
