package io.tenantconfig.application.port.in;

import io.tenantconfig.application.port.out.TemplateCatalogues.AccountTemplate;
import io.tenantconfig.application.port.out.TemplateCatalogues.CatalogueRead;
import io.tenantconfig.application.port.out.TemplateCatalogues.TemplatePage;
import io.tenantconfig.application.port.out.TemplateCatalogues.TemplateQuery;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.Template;
import java.util.List;
import java.util.Optional;

/** The tenant's templates as last read from Meta, with when each account's catalogue was read. */
public interface ViewTemplatesUseCase {

    /** A page of the tenant's templates; empty when the tenant has no configuration. */
    Optional<Catalogue> templates(TenantId tenantId, TemplateQuery query);

    /** The template so named in each of the tenant's accounts that has it; empty when none has. */
    List<AccountTemplate> template(TenantId tenantId, Template.Key key);

    /** A page of templates with each account's last read. */
    record Catalogue(TemplatePage page, List<CatalogueRead> reads) {
        public Catalogue {
            reads = List.copyOf(reads);
        }
    }
}
