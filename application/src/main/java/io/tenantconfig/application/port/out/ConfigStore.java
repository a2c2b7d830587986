package io.tenantconfig.application.port.out;

import io.tenantconfig.domain.AppDataSync;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.Template;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where tenant configurations are kept, at most one per tenant; a phone number or a WhatsApp
 * Business Account belongs to one tenant at most. Reads may be served from memory;
 * every change runs in one transaction that locks the row, writes it and its audit entries, and
 * tells the other instances, all or nothing.
 */
public interface ConfigStore {

    /**
     * The tenant's configuration as last committed.
     *
     * @throws StoreUnavailableException when the store cannot be reached
     * @throws SecretUnreadableException when a stored secret does not decrypt
     */
    Optional<TenantConfig> load(TenantId tenantId);

    /** Runs {@code work} in one transaction: what it writes commits together when it returns, or not at all. */
    <T> T inTransaction(Function<Transaction, T> work);

    /** The writes of one transaction. Each configuration it changes it first {@link #lock}s. */
    interface Transaction {

        /** The tenant's configuration, locked until the transaction ends: no one else changes it meanwhile. */
        Optional<TenantConfig> lock(TenantId tenantId);

        /**
         * Stores a configuration that does not exist yet (version 0).
         *
         * @throws AlreadyOwnedException when one of its numbers, or its WhatsApp Business Account, is another tenant's
         * @return the stored configuration (its id set, version 1), or empty when the tenant has one
         *     already; then the transaction can {@link #lock} that one
         */
        Optional<TenantConfig> insertIfAbsent(TenantConfig config);

        /**
         * Stores a change to a configuration this transaction locked; returns it at the next version.
         *
         * @throws AlreadyOwnedException when one of its numbers, or its WhatsApp Business Account, is another tenant's
         */
        TenantConfig save(TenantConfig changed);

        /**
         * As {@link #lock}, for a configuration about to be deleted: a secret that no longer decrypts
         * is left out instead of failing, so a damaged configuration can still be removed.
         */
        Optional<TenantConfig> lockForDeletion(TenantId tenantId);

        /** Deletes a configuration this transaction locked. */
        void delete(TenantConfig locked);

        /** Deletes every configuration and says how many there were. */
        long deleteAll();

        /** Adds an entry to the audit trail, committed with the change it records. */
        void record(AuditEntry entry);

        /** Adds an event to the outbox, committed with the change it reports and delivered after. */
        void publish(PlatformEvent event);

        /**
         * Stores the sync of a WhatsApp Business app's data a signup asks for, committed with the
         * signup; it replaces the number's earlier one (a new signup opens a new window).
         */
        void requestAppDataSync(AppDataSync sync);

        /**
         * Stores a change Meta sent, unless one with its dedupe key is stored already.
         *
         * @return false when it was a duplicate (nothing stored)
         */
        boolean receive(StoredWebhookChange change);

        /**
         * Keeps Meta's install of an account no tenant holds ({@code change}, as it would be stored
         * without a tenant) with the newest signup session that named that account, did not
         * finish and ended at or after {@code notBefore}; only among {@code change.signedFor()}'s
         * sessions when a tenant's own app signed it. Sent again (its dedupe key in its scope), it
         * is {@link MetaInstall.Attachment#ALREADY_ATTACHED ALREADY_ATTACHED}; with no such
         * session nothing is written ({@link MetaInstall.Attachment#NO_SESSION NO_SESSION}).
         */
        MetaInstall.Attachment attachToSignup(StoredWebhookChange change, MetaInstall install, Instant notBefore);

        /**
         * The account's templates as stored, its catalogue locked until the transaction ends (a
         * sync and Meta's webhooks for the account wait for each other); empty when none is stored.
         */
        Map<Template.Key, Template> lockTemplates(MetaId wabaId);

        /**
         * Makes the account's stored templates {@code templates}, as read from Meta at
         * {@code readAt} (those it no longer has go), and says the catalogue was read then. Every
         * instance hears of it.
         */
        void replaceTemplates(MetaId wabaId, List<Template> templates, Instant readAt);

        /** Stores one template of the account as Meta's webhook changed it. Every instance hears of it. */
        void saveTemplate(MetaId wabaId, Template template, Instant at);
    }
}
