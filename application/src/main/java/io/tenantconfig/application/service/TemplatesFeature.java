package io.tenantconfig.application.service;

import io.tenantconfig.application.port.in.LookupTemplateUseCase;
import io.tenantconfig.application.port.in.SweepTemplatesUseCase;
import io.tenantconfig.application.port.in.SyncTemplatesUseCase;
import io.tenantconfig.application.port.in.ViewTemplatesUseCase;
import io.tenantconfig.application.port.out.ConfigStore;
import io.tenantconfig.application.port.out.MetaTemplateCatalogue;
import io.tenantconfig.application.port.out.NumberDirectory;
import io.tenantconfig.application.port.out.TemplateCatalogues;
import io.tenantconfig.application.port.out.TemplateDirectory;
import io.tenantconfig.application.port.out.TemplateSchedule;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Each account's message templates: read from Meta by the sweep (every account once per
 * interval, shared through PostgreSQL), on demand, and kept current by Meta's template webhooks
 * (see {@link ReceiveWebhookService}); viewed by the tenant, and looked up from memory by the
 * sending code. To have an account's templates read again soon (after a template was created or
 * deleted), make it due: {@link TemplateSchedule#dueNow}.
 */
public final class TemplatesFeature {

    private final SyncTemplatesUseCase syncTemplates;
    private final SweepTemplatesUseCase sweepTemplates;
    private final ViewTemplatesUseCase viewTemplates;
    private final LookupTemplateUseCase lookupTemplate;

    public TemplatesFeature(
            ConfigStore store,
            TemplateCatalogues catalogues,
            TemplateDirectory directory,
            TemplateSchedule schedule,
            MetaTemplateCatalogue meta,
            NumberDirectory numbers,
            TemplateSyncPolicy policy,
            RandomGenerator random,
            Clock clock) {
        TemplateReads reads = new TemplateReads(store, meta, schedule, clock);
        this.syncTemplates = new SyncTemplatesService(store, reads, catalogues);
        this.sweepTemplates = new SweepTemplatesService(schedule, reads, policy, random, clock);
        this.viewTemplates = new ViewTemplatesService(store, catalogues);
        this.lookupTemplate = new LookupTemplateService(numbers, directory);
    }

    public SyncTemplatesUseCase syncTemplates() {
        return syncTemplates;
    }

    public SweepTemplatesUseCase sweepTemplates() {
        return sweepTemplates;
    }

    public ViewTemplatesUseCase viewTemplates() {
        return viewTemplates;
    }

    public LookupTemplateUseCase lookupTemplate() {
        return lookupTemplate;
    }
}
