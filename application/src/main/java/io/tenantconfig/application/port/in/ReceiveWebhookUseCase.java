package io.tenantconfig.application.port.in;

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
     * @param accountId {@code entry[].id}: the WhatsApp Business Account; null when absent or not an id
     * @param field what changed ({@code messages}, {@code account_update}...)
     * @param phoneNumberId {@code value.metadata.phone_number_id}; null when absent or not an id
     * @param valueJson {@code value}, as JSON text, unchanged
     * @param messageId the id of the one inbound message the change carries, if it carries exactly one
     * @param facts the value's scalars by dotted path ({@code ban_info.waba_ban_state}), for the
     *     lifecycle fields only; empty for the others
     */
    record WebhookChange(
            MetaId accountId,
            String field,
            MetaId phoneNumberId,
            String valueJson,
            String messageId,
            Map<String, String> facts) {

        public WebhookChange {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(valueJson, "valueJson");
            facts = Map.copyOf(facts);
        }
    }

    /** What became of a body's changes: stored for the first time, seen before, and (of the first) routed to nobody. */
    record Receipt(int stored, int duplicates, int unroutable) {}
}
