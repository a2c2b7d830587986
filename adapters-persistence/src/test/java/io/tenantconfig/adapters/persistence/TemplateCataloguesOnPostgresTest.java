package io.tenantconfig.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.application.fixtures.TestConfigs;
import io.tenantconfig.application.port.out.TemplateCatalogues.CatalogueRead;
import io.tenantconfig.application.port.out.TemplateCatalogues.TemplatePage;
import io.tenantconfig.application.port.out.TemplateCatalogues.TemplateQuery;
import io.tenantconfig.application.port.out.TemplateSchedule.DueCatalogue;
import io.tenantconfig.domain.MetaId;
import io.tenantconfig.domain.TenantId;
import io.tenantconfig.domain.template.Template;
import io.tenantconfig.domain.template.TemplateCategory;
import io.tenantconfig.domain.template.TemplateComponent;
import io.tenantconfig.domain.template.TemplateLanguage;
import io.tenantconfig.domain.template.TemplateName;
import io.tenantconfig.domain.template.TemplateQuality;
import io.tenantconfig.domain.template.TemplateStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The template catalogues on a real PostgreSQL: written in the store's transactions, listed by
 * keyset, scheduled and leased as the health sweep is, and looked up from memory on two instances
 * that hear each other's changes within a second.
 */
class TemplateCataloguesOnPostgresTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated();
    private static final TenantId ACME = TenantId.of("acme");
    private static final MetaId WABA = MetaId.parse(TestConfigs.wabaIdOf("acme"));
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private final JdbiConfigStore store = new JdbiConfigStore(jdbi, TestKeys.cipher());
    private final JdbiTemplateCatalogues catalogues = new JdbiTemplateCatalogues(jdbi);
    private final JdbiTemplateCatalogues otherInstance = new JdbiTemplateCatalogues(jdbi);
    private ConfigNotificationListener listenerHere;
    private ConfigNotificationListener listenerThere;

    @BeforeEach
    void acmeHasAnAccountWithAToken() {
        jdbi.useHandle(h -> h.execute("TRUNCATE tenant_configs, whatsapp_accounts, message_templates, template_syncs,"
                + " tenant_phone_numbers, app_data_syncs, business_profiles, tenant_health RESTART IDENTITY"));
        store.inTransaction(tx -> tx.insertIfAbsent(TestConfigs.aConfig("acme").build()));
    }

    @AfterEach
    void stopListening() throws InterruptedException {
        if (listenerHere != null) {
            listenerHere.stop();
            listenerThere.stop();
        }
    }

    private static Template template(String name, String language, TemplateStatus status) {
        return new Template(
                MetaId.parse("1667192013751005"),
                TemplateName.parse(name),
                TemplateLanguage.parse(language),
                status,
                TemplateCategory.UTILITY,
                TemplateQuality.parse("GREEN"),
                null,
                List.of(
                        TemplateComponent.header("IMAGE", 1),
                        TemplateComponent.body(2),
                        TemplateComponent.button(0, "URL", 1)));
    }

    private void replace(List<Template> templates, Instant at) {
        store.inTransaction(tx -> {
            tx.lockTemplates(WABA);
            tx.replaceTemplates(WABA, templates, at);
            return null;
        });
    }

    private static TemplateQuery all(int limit, Optional<Long> after) {
        return new TemplateQuery(Optional.empty(), Optional.empty(), Optional.empty(), after, limit);
    }

    @Test
    void a_catalogue_read_is_stored_whole_with_its_components_and_a_template_meta_no_longer_has_goes() {
        replace(
                List.of(
                        template("order_shipped", "en_US", TemplateStatus.APPROVED),
                        template("welcome", "pt_BR", TemplateStatus.PENDING)),
                NOW);
        replace(List.of(template("order_shipped", "en_US", TemplateStatus.PAUSED)), NOW.plusSeconds(60));

        List<Template> stored = catalogues.page(ACME, all(10, Optional.empty())).templates().stream()
                .map(t -> t.template())
                .toList();
        assertThat(stored).containsExactly(template("order_shipped", "en_US", TemplateStatus.PAUSED));
        assertThat(catalogues.reads(ACME))
                .containsExactly(new CatalogueRead(WABA, NOW.plusSeconds(60), NOW.plusSeconds(60), null));
    }

    @Test
    void the_list_pages_by_keyset_and_filters_by_status_name_and_language() {
        replace(
                List.of(
                        template("a_one", "en_US", TemplateStatus.APPROVED),
                        template("b_two", "en_US", TemplateStatus.REJECTED),
                        template("c_three", "pt_BR", TemplateStatus.APPROVED)),
                NOW);

        TemplatePage first = catalogues.page(ACME, all(2, Optional.empty()));
        TemplatePage second = catalogues.page(ACME, all(2, Optional.ofNullable(first.next())));

        assertThat(first.templates())
                .extracting(t -> t.template().name().value())
                .containsExactly("a_one", "b_two");
        assertThat(second.templates())
                .extracting(t -> t.template().name().value())
                .containsExactly("c_three");
        assertThat(second.next()).isNull();
        assertThat(catalogues
                        .page(
                                ACME,
                                new TemplateQuery(
                                        Optional.of(TemplateStatus.APPROVED),
                                        Optional.empty(),
                                        Optional.of(TemplateLanguage.parse("pt_BR")),
                                        Optional.empty(),
                                        10))
                        .templates())
                .extracting(t -> t.template().name().value())
                .containsExactly("c_three");
        assertThat(catalogues
                        .page(TenantId.of("globex"), all(10, Optional.empty()))
                        .templates())
                .isEmpty();
    }

    @Test
    void a_failed_read_keeps_the_catalogue_and_says_when_it_was_read_and_tried() {
        replace(List.of(template("order_shipped", "en_US", TemplateStatus.APPROVED)), NOW);

        catalogues.failed(WABA, NOW.plusSeconds(3600), "META_UNAVAILABLE: Meta could not be reached");

        assertThat(catalogues.reads(ACME))
                .containsExactly(new CatalogueRead(
                        WABA, NOW, NOW.plusSeconds(3600), "META_UNAVAILABLE: Meta could not be reached"));
        assertThat(catalogues.find(
                        ACME, new Template.Key(TemplateName.parse("order_shipped"), TemplateLanguage.parse("en_US"))))
                .hasSize(1);
    }

    @Test
    void an_account_is_leased_to_one_instance_at_a_time_and_made_due_again_on_request() {
        catalogues.enroll(NOW);

        List<DueCatalogue> here = catalogues.claimDue("here", NOW, Duration.ofMinutes(5), 10);
        List<DueCatalogue> there = otherInstance.claimDue("there", NOW, Duration.ofMinutes(5), 10);

        assertThat(here).containsExactly(new DueCatalogue(ACME, WABA));
        assertThat(there).isEmpty();
        catalogues.done(WABA, "here", NOW.plus(Duration.ofHours(6)));
        assertThat(otherInstance.claimDue("there", NOW.plusSeconds(600), Duration.ofMinutes(5), 10))
                .isEmpty();
        assertThat(catalogues.dueNow(WABA, NOW.plusSeconds(600))).isTrue();
        assertThat(otherInstance.claimDue("there", NOW.plusSeconds(600), Duration.ofMinutes(5), 10))
                .containsExactly(new DueCatalogue(ACME, WABA));
        assertThat(catalogues.dueNow(MetaId.parse("999000999"), NOW)).isFalse();
    }

    @Test
    void a_template_changed_on_one_instance_is_looked_up_changed_from_memory_on_the_other_within_a_second() {
        replace(List.of(template("order_shipped", "en_US", TemplateStatus.APPROVED)), NOW);
        TemplateIndex there = new TemplateIndex(jdbi, otherInstance);
        listenerHere = new ConfigNotificationListener(
                () -> DATABASE.newConnection("templates-here"),
                new TemplateIndex(jdbi, catalogues),
                Duration.ofMillis(100));
        listenerThere = new ConfigNotificationListener(
                () -> DATABASE.newConnection("templates-there"), there, Duration.ofMillis(100));
        listenerHere.start();
        listenerThere.start();
        Template.Key key = new Template.Key(TemplateName.parse("order_shipped"), TemplateLanguage.parse("en_US"));
        assertThat(there.template(WABA, key)).hasValue(template("order_shipped", "en_US", TemplateStatus.APPROVED));
        assertThat(there.isServingFromMemory()).isTrue();

        Instant changed = Instant.now();
        store.inTransaction(tx -> {
            tx.saveTemplate(WABA, template("order_shipped", "en_US", TemplateStatus.PAUSED), NOW);
            return null;
        });

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(5))
                .until(() ->
                        there.template(WABA, key).map(Template::status).equals(Optional.of(TemplateStatus.PAUSED)));
        assertThat(ChronoUnit.MILLIS.between(changed, Clock.systemUTC().instant()))
                .isLessThan(1_000);
        assertThat(there.template(MetaId.parse("999000999"), key)).isEmpty();
    }
}
