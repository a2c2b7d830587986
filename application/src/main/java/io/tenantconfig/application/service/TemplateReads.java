package io.tenantconfig.application.service;

import io.tenantconfig.application.Actor;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaTemplateCatalogue;
import io.tenantconfig.application.port.out.TemplateSchedule;
import io.tenantconfig.domain.Account;
import io.tenantconfig.domain.DomainEvent;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantConfig;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.Template;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One read of one account's catalogue, shared by the sweep and the on-demand sync: Meta is asked
 * with the account's token (outside any transaction), then the catalogue is replaced in one
 * transaction with a {@code template.changed} for each stored template whose status, category or
 * quality Meta now describes otherwise. When Meta fails, the stored catalogue stays and the failure
 * is recorded with when it happened.
 */
final class TemplateReads {

    /** Who the platform's events name for a change a read found. */
    static final Actor TEMPLATE_SYNC = new Actor("system:template-sync");

    private static final int MOST_FAILURE_LENGTH = 300;

    private final ConfigStore store;
    private final MetaTemplateCatalogue meta;
    private final TemplateSchedule schedule;
    private final Clock clock;

    TemplateReads(ConfigStore store, MetaTemplateCatalogue meta, TemplateSchedule schedule, Clock clock) {
        this.store = store;
        this.meta = meta;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** What became of a read. */
    enum Result {
        READ,
        /** Meta failed or refused: recorded, the catalogue kept. */
        FAILED,
        /** The account is gone or has no token: nothing to read. */
        NOTHING_TO_READ
    }

    Result read(TenantId tenantId, MetaId wabaId) {
        Optional<Secret> token = store.load(tenantId)
                .flatMap(config -> config.accounts().find(wabaId))
                .map(Account::token)
                .map(t -> t.accessToken());
        if (token.isEmpty()) {
            return Result.NOTHING_TO_READ;
        }
        MetaTemplateCatalogue.Read read;
        try {
            read = meta.templates(wabaId, token.get());
        } catch (MetaCallFailedException e) {
            schedule.failed(wabaId, clock.instant(), described(e.failure()));
            return Result.FAILED;
        }
        Instant now = clock.instant();
        store.inTransaction(tx -> {
            Map<Template.Key, Template> before = tx.lockTemplates(wabaId);
            tx.replaceTemplates(wabaId, read.templates(), now);
            for (Template after : read.templates()) {
                Template was = before.get(after.key());
                if (was != null) {
                    after.changedFrom(was)
                            .ifPresent(change -> LockedWrite.record(
                                    tx, TEMPLATE_SYNC, new DomainEvent.TemplateChanged(tenantId, wabaId, change), now));
                }
            }
            return null;
        });
        return Result.READ;
    }

    /** Meta's words (redacted by the adapter) with how it failed, short enough to show. */
    private static String described(MetaFailure failure) {
        String text = failure.kind() + ": " + failure.message();
        return text.length() > MOST_FAILURE_LENGTH ? text.substring(0, MOST_FAILURE_LENGTH) : text;
    }

    /** The accounts of a configuration that can be read: with an id and a token. */
    static java.util.List<MetaId> readable(TenantConfig config) {
        return config.accounts().all().stream()
                .filter(a ->
                        a.wabaId() != null && a.token() != null && a.token().accessToken() != null)
                .map(Account::wabaId)
                .toList();
    }
}
