package io.tenantconfig.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.application.fixtures.InMemoryConfigStore;
import io.tenantconfig.application.fixtures.MovableClock;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.in.SweepTemplatesUseCase;
import io.tenantconfig.application.port.out.MetaCallFailedException;
import io.tenantconfig.application.port.out.MetaFailure;
import io.tenantconfig.application.port.out.MetaTemplateCatalogue;
import io.tenantconfig.application.port.out.PlatformEvent;
import io.tenantconfig.application.port.out.TemplateCatalogues.CatalogueRead;
import io.tenantconfig.application.port.out.TemplateCatalogues.TemplateQuery;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.Secret;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.Template;
import io.tenantconfig.domain.template.TemplateCategory;
import io.tenantconfig.domain.template.TemplateComponent;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import io.tenantconfig.domain.template.TemplateStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each account's templates read from Meta on demand and by the sweep, Meta's failures kept apart from the catalogue. */
class TemplateCataloguesTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final MetaId WABA = MetaId.parse(TestConfigs.wabaIdOf("acme"));
    private static final MetaId NUMBER = MetaId.parse(TestConfigs.phoneNumberIdOf("acme"));
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final MovableClock clock = new MovableClock(NOW);
    private final ScriptedCatalogue meta = new ScriptedCatalogue();
    private final TemplatesFeature templates = new TemplatesFeature(
            store,
            store.templates(),
            store.templates(),
            store.templates(),
            meta,
            store,
            TemplateSyncPolicy.DEFAULT,
            new SplittableRandom(3),
            clock);

    /** Meta's side: the account's templates as scripted, or a failure. */
    private static final class ScriptedCatalogue implements MetaTemplateCatalogue {
        List<Template> templates = List.of();
        MetaFailure failure;
        final List<String> calls = new ArrayList<>();

        @Override
        public Read templates(MetaId wabaId, Secret token) {
            calls.add(wabaId + " " + token.reveal());
            if (failure != null) {
                throw new MetaCallFailedException(failure);
            }
            return new Read(templates, 0);
        }
    }

    private static Template template(String name, TemplateStatus status) {
        return new Template(
                MetaId.parse("90" + Math.abs(name.hashCode())),
                TemplateName.parse(name),
                TemplateLanguage.parse("en_US"),
                status,
                TemplateCategory.UTILITY,
                null,
                null,
                List.of(TemplateComponent.body(2)));
    }

    @BeforeEach
    void acme_has_an_account_with_a_token() {
        store.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
    }

    @Test
    void a_sync_on_demand_stores_every_template_with_the_accounts_token_and_says_when_it_was_read() {
        meta.templates = List.of(
                template("order_shipped", TemplateStatus.APPROVED), template("welcome", TemplateStatus.PENDING));

        List<CatalogueRead> reads = templates.syncTemplates().sync(ACME).orElseThrow();

        assertThat(meta.calls).containsExactly(WABA + " EAAG-access-token-of-acme");
        assertThat(reads).containsExactly(new CatalogueRead(WABA, NOW, NOW, null));
        assertThat(templates
                        .viewTemplates()
                        .templates(ACME, query())
                        .orElseThrow()
                        .page()
                        .templates())
                .extracting(t -> t.template().name().value())
                .containsExactly("order_shipped", "welcome");
    }

    @Test
    void meta_down_during_a_sync_keeps_the_last_catalogue_and_says_when_it_was_read_and_that_the_attempt_failed() {
        meta.templates = List.of(template("order_shipped", TemplateStatus.APPROVED));
        templates.syncTemplates().sync(ACME);
        clock.advance(Duration.ofHours(1));
        meta.failure = MetaFailure.of(MetaFailure.Kind.META_UNAVAILABLE, "Meta could not be reached");

        List<CatalogueRead> reads = templates.syncTemplates().sync(ACME).orElseThrow();

        CatalogueRead read = reads.get(0);
        assertThat(read.readAt()).isEqualTo(NOW);
        assertThat(read.attemptedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(read.lastAttemptFailed()).isTrue();
        assertThat(read.failure()).contains("Meta could not be reached");
        assertThat(templates.viewTemplates().template(ACME, key("order_shipped")))
                .hasSize(1);
    }

    @Test
    void a_sync_that_finds_a_template_paused_tells_the_platform_and_a_first_read_does_not() {
        meta.templates = List.of(template("order_shipped", TemplateStatus.APPROVED));
        templates.syncTemplates().sync(ACME);
        assertThat(templateEvents()).isEmpty();

        meta.templates = List.of(template("order_shipped", TemplateStatus.PAUSED));
        templates.syncTemplates().sync(ACME);

        assertThat(templateEvents()).singleElement().satisfies(event -> {
            assertThat(event.tenantId()).isEqualTo(ACME);
            assertThat(event.data())
                    .containsEntry("name", "order_shipped")
                    .containsEntry("status", "PAUSED")
                    .containsEntry("previous_status", "APPROVED")
                    .containsEntry("changed", List.of("status"));
        });
    }

    @Test
    void a_template_meta_no_longer_has_leaves_the_catalogue() {
        meta.templates = List.of(
                template("order_shipped", TemplateStatus.APPROVED), template("welcome", TemplateStatus.APPROVED));
        templates.syncTemplates().sync(ACME);
        meta.templates = List.of(template("welcome", TemplateStatus.APPROVED));

        templates.syncTemplates().sync(ACME);

        assertThat(templates.viewTemplates().template(ACME, key("order_shipped")))
                .isEmpty();
    }

    @Test
    void the_sweep_reads_an_account_never_read_at_once_and_then_one_interval_later() {
        meta.templates = List.of(template("order_shipped", TemplateStatus.APPROVED));

        SweepTemplatesUseCase.Round first = templates.sweepTemplates().sweepOnce("instance-a");

        assertThat(first).isEqualTo(new SweepTemplatesUseCase.Round(1, 1, 0));
        assertThat(store.templates().nextReadOf(WABA))
                .hasValueSatisfying(next ->
                        assertThat(next).isBetween(NOW.plus(Duration.ofHours(6)), NOW.plus(Duration.ofMinutes(396))));
        assertThat(templates.sweepTemplates().sweepOnce("instance-b").leased()).isZero();
        assertThat(templates.lookupTemplate().lookup(NUMBER, key("order_shipped")))
                .hasValueSatisfying(
                        found -> assertThat(found.template().status()).isEqualTo(TemplateStatus.APPROVED));
    }

    @Test
    void an_account_meta_failed_for_is_read_again_sooner_and_one_made_due_is_read_at_the_next_round() {
        meta.failure = MetaFailure.of(MetaFailure.Kind.TIMEOUT, "Meta did not answer within 10 seconds");

        assertThat(templates.sweepTemplates().sweepOnce("instance-a").failed()).isEqualTo(1);
        assertThat(store.templates().nextReadOf(WABA)).contains(NOW.plus(Duration.ofMinutes(30)));

        assertThat(store.templates().dueNow(WABA, NOW)).isTrue();
        meta.failure = null;
        assertThat(templates.sweepTemplates().sweepOnce("instance-a").read()).isEqualTo(1);
        assertThat(store.templates().dueNow(MetaId.parse("999000999"), NOW)).isFalse();
    }

    @Test
    void a_tenant_without_a_configuration_has_no_catalogue() {
        assertThat(templates.syncTemplates().sync(TenantId.of("nobody"))).isEmpty();
        assertThat(templates.viewTemplates().templates(TenantId.of("nobody"), query()))
                .isEmpty();
    }

    private List<PlatformEvent> templateEvents() {
        return store.events().stream()
                .filter(e -> e.type().equals(PlatformEvent.TEMPLATE_CHANGED))
                .toList();
    }

    private static TemplateQuery query() {
        return new TemplateQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 50);
    }

    private static Template.Key key(String name) {
        return new Template.Key(TemplateName.parse(name), TemplateLanguage.parse("en_US"));
    }
}
