package io.tenantconfig.application.port.in;

import io.tenantconfig.domain.InvalidValueException;
import io.tenantconfig.domain.MetaId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Takes in the changes of an authenticated webhook body, all in one transaction: each is stored
 * once (a change Meta sends again is recognised by its message id, else by its content), routed
 * to the tenant that owns its number (else its WhatsApp Business Account) and queued for the
 * platform as a {@code whatsapp.change} event; one nobody owns is kept as unroutable. Changes to
 * an account's lifecycle also update the tenant's standing and numbers, audited, with their
 * events. When this returns, everything is committed: Meta can be told 200.
 */
public interface ReceiveWebhookUseCase {

    /** @throws io.tenantconfig.application.port.out.StoreUnavailableException when nothing could be stored (Meta retries) */
    Receipt receive(AuthenticateWebhookUseCase.Sender sender, List<WebhookChange> changes);

    /**
     * One {@code entry[].changes[]} item as Meta sent it.
     *
     * @param accountId {@code entry[].id}: the WhatsApp Business Account, except in partner events
     *     (see {@link #account()}); null when absent or not an id
     * @param field what changed ({@code messages}, {@code account_update}...)
     * @param phoneNumberId {@code value.metadata.phone_number_id}; null when absent or not an id
     * @param valueJson {@code value}, as JSON text, unchanged
     * @param messageId the id of the one inbound message the change carries, if it carries exactly one
     * @param facts the value's scalars by dotted path ({@code ban_info.waba_ban_state}), for the
     *     lifecycle and template fields only; empty for the others
     */
    record WebhookChange(
            MetaId accountId,
            String field,
            MetaId phoneNumberId,
            String valueJson,
            String messageId,
            Map<String, String> facts) {

        /** Where Meta names the customer's account in a partner event of {@code account_update}. */
        public static final String CUSTOMER_ACCOUNT = "waba_info.waba_id";

        public WebhookChange {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(valueJson, "valueJson");
            facts = Map.copyOf(facts);
        }

        /**
         * The WhatsApp Business Account the change is about. In the partner events of
         * {@code account_update} ({@code PARTNER_APP_INSTALLED}, {@code PARTNER_APP_UNINSTALLED},
         * {@code PARTNER_ADDED}, {@code PARTNER_REMOVED}...) {@code entry[].id} is the partner's
         * business portfolio and the customer's account is {@code value.waba_info.waba_id}: that one
         * when it is an id, else {@code entry[].id} as for every other change.
         */
        public MetaId account() {
            String customer = facts.get(CUSTOMER_ACCOUNT);
            if (customer != null) {
                try {
                    return MetaId.parse(customer);
                } catch (InvalidValueException e) {
                    // Not an id: the change is routed as any other.
                }
            }
            return accountId;
        }
    }

    /** What became of a body's changes: stored for the first time, seen before, and (of the first) routed to nobody. */
    record Receipt(int stored, int duplicates, int unroutable) {}
}
