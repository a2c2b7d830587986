package io.tenantconfig.adapters.persistence;

import io.tenantconfig.application.NumberOwner;
import io.tenantconfig.application.port.out.NumberDirectory;
import io.tenantconfig.application.port.out.WebhookKeys;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every tenant's numbers, accounts (each of them, not only the primary one) and webhook key in memory, so that "whose is this number?"
 * (asked for each inbound webhook) costs two map lookups, an unknown number included, whatever arrives from
 * outside. Kept as every {@link AnnouncedMemory} is (loaded whole, one tenant's ownership re-read
 * for each committed change, the database answering while it cannot be trusted), and also told
 * directly by this instance's own writes, so a caller reads its own write at once. Each update
 * replaces a tenant's entries key by key, so a reader sees the old owner or the new one, never a
 * gap.
 */
final class NumberIndex extends AnnouncedMemory<NumberIndex.Memory> implements NumberDirectory, WebhookKeys {

    private static final Logger LOG = LoggerFactory.getLogger(NumberIndex.class);

    private final JdbiNumberDirectory database;

    NumberIndex(JdbiNumberDirectory database) {
        super(LOG, "numbers", "who owns which phone number");
        this.database = database;
    }

    @Override
    public Optional<NumberOwner> ownerOfNumber(MetaId phoneNumberId) {
        Memory current = current();
        if (current == null) {
            return database.ownerOfNumber(phoneNumberId);
        }
        Ownership ownership = current.byNumber.get(phoneNumberId);
        return ownership == null ? Optional.empty() : ownership.ofNumber(phoneNumberId);
    }

    @Override
    public Optional<NumberOwner> ownerOfAccount(MetaId wabaId) {
        Memory current = current();
        if (current == null) {
            return database.ownerOfAccount(wabaId);
        }
        return Optional.ofNullable(current.byAccount.get(wabaId)).flatMap(ownership -> ownership.ofAccount(wabaId));
    }

    @Override
    public Optional<TenantId> tenantOfKey(String key) {
        Memory current = current();
        if (current == null) {
            return database.tenantOfKey(key);
        }
        return Optional.ofNullable(current.byKey.get(key)).map(Ownership::tenantId);
    }

    @Override
    public Optional<String> keyOf(TenantId tenantId) {
        Memory current = current();
        if (current == null) {
            return database.keyOf(tenantId);
        }
        return Optional.ofNullable(current.byTenant.get(tenantId)).map(Ownership::webhookKey);
    }

    /** Tenants held in memory (0 while not loaded). */
    long size() {
        Memory current = held();
        return current == null ? 0 : current.byTenant.size();
    }

    @Override
    Memory loadAll() {
        Memory loaded = new Memory();
        database.forEachOwnership(ownership -> loaded.replace(ownership.tenantId(), ownership));
        return loaded;
    }

    @Override
    void reread(Memory memory, TenantId tenantId) {
        memory.replace(tenantId, database.ownershipOf(tenantId).orElse(null));
    }

    /** The four views of the same ownerships. */
    static final class Memory {
        final Map<TenantId, Ownership> byTenant = new ConcurrentHashMap<>();
        final Map<MetaId, Ownership> byNumber = new ConcurrentHashMap<>();
        final Map<MetaId, Ownership> byAccount = new ConcurrentHashMap<>();
        final Map<String, Ownership> byKey = new ConcurrentHashMap<>();

        /**
         * The tenant now owns {@code next} ({@code null}: nothing). New keys are written before
         * old ones are removed, and a key is removed only while it still points at this tenant's
         * old entry: a number that moved to another tenant in the meantime stays with that one.
         */
        void replace(TenantId tenantId, Ownership next) {
            Ownership previous = next == null ? byTenant.remove(tenantId) : byTenant.put(tenantId, next);
            if (next != null) {
                next.numbers().keySet().forEach(number -> byNumber.put(number, next));
                next.wabaIds().forEach(account -> byAccount.put(account, next));
                byKey.put(next.webhookKey(), next);
            }
            if (previous != null) {
                previous.numbers().keySet().stream()
                        .filter(number -> next == null || !next.numbers().containsKey(number))
                        .forEach(number -> byNumber.remove(number, previous));
                previous.wabaIds().stream()
                        .filter(account -> next == null || !next.wabaIds().contains(account))
                        .forEach(account -> byAccount.remove(account, previous));
                if (next == null || !previous.webhookKey().equals(next.webhookKey())) {
                    byKey.remove(previous.webhookKey(), previous);
                }
            }
        }
    }
}
