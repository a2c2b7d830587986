package io.tenantconfig.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.tenantconfig.adapters.meta.GraphApiSettings;
import io.tenantconfig.adapters.meta.MetaAdapters;
import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.adapters.rest.RestApi;
import io.tenantconfig.adapters.rest.auth.JwtAuthFactory;
import io.tenantconfig.adapters.rest.ratelimit.RateLimitsFactory;
import java.util.Arrays;
import java.util.List;

/** The hexagon's rules (docs/architecture.md), checked on the production classes of every module. */
@AnalyzeClasses(
        packages = "io.tenantconfig",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** Other modules' test fixtures arrive as {@code *-tests.jar}; they are tests too. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static final String DOMAIN = "io.tenantconfig.domain..";
    private static final String APPLICATION = "io.tenantconfig.application..";
    private static final String INBOUND_PORTS = "io.tenantconfig.application.port.in..";
    private static final String OUTBOUND_PORTS = "io.tenantconfig.application.port.out..";
    private static final String SERVICES = "io.tenantconfig.application.service..";
    private static final String ADAPTERS = "io.tenantconfig.adapters..";
    private static final String BOOTSTRAP = "io.tenantconfig.bootstrap..";

    @ArchTest
    static final ArchRule the_hexagon_has_its_layers = onionArchitecture()
            .domainModels(DOMAIN)
            .applicationServices(APPLICATION)
            .adapter("rest", "io.tenantconfig.adapters.rest..")
            .adapter("persistence", "io.tenantconfig.adapters.persistence..")
            .adapter("meta", "io.tenantconfig.adapters.meta..")
            .withOptionalLayers(true)
            // The composition root wires every layer together; it is the one place allowed to.
            .ignoreDependency(JavaClass.Predicates.resideInAPackage(BOOTSTRAP), DescribedPredicate.alwaysTrue());

    @ArchTest
    static final ArchRule the_domain_depends_only_on_the_jdk_and_itself = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", DOMAIN);

    /** The JDK's own crypto API ({@code javax.crypto}) counts as the JDK: webhook signatures are HMACs. */
    @ArchTest
    static final ArchRule the_application_depends_only_on_the_jdk_the_domain_and_itself = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax.crypto..", DOMAIN, APPLICATION);

    @ArchTest
    static final ArchRule ports_never_know_the_services_behind_them = noClasses()
            .that()
            .resideInAnyPackage(INBOUND_PORTS, OUTBOUND_PORTS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(SERVICES);

    @ArchTest
    static final ArchRule each_service_implements_exactly_one_use_case = classes()
            .that()
            .resideInAPackage(SERVICES)
            .and()
            .areNotInterfaces()
            .and()
            .areTopLevelClasses()
            .and()
            .haveSimpleNameEndingWith("Service")
            .should(implementExactlyOneInboundPort());

    @ArchTest
    static final ArchRule adapters_call_use_cases_through_their_ports_only = noClasses()
            .that()
            .resideInAPackage(ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(SERVICES);

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other =
            slices().matching("io.tenantconfig.adapters.(*)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_bootstrap = noClasses()
            .that()
            .resideInAPackage(ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(BOOTSTRAP);

    @ArchTest
    static final ArchRule nothing_but_bootstrap_knows_the_dropwizard_application = noClasses()
            .that()
            .resideOutsideOfPackage(BOOTSTRAP)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.dropwizard.core.Application")
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(io.dropwizard.core.Configuration.class);

    /**
     * adapters-persistence shows one entry point, built from JDBI, a keyset and a clock and
     * returning the application's ports; everything else is package-private, so nothing outside
     * can come to depend on a store, a row or the cache (buckpal's adapters). At most four public
     * types, named here.
     */
    @ArchTest
    static final ArchRule persistence_shows_only_its_entry_point = publicTypesOf(
            "io.tenantconfig.adapters.persistence..", PostgresAdapters.class, PostgresAdapters.CacheSettings.class);

    /** The same for adapters-meta: one entry point and its settings. */
    @ArchTest
    static final ArchRule meta_shows_only_its_entry_point =
            publicTypesOf("io.tenantconfig.adapters.meta..", MetaAdapters.class, GraphApiSettings.class);

    /**
     * The composition root and its commands reach each adapter module through its entry point
     * (and the REST adapter's two configuration sections) only: at most eight adapter types in all.
     */
    @ArchTest
    static final ArchRule bootstrap_reaches_the_adapters_through_their_entry_points_only = noClasses()
            .that()
            .resideInAPackage(BOOTSTRAP)
            .should()
            .dependOnClassesThat(JavaClass.Predicates.resideInAPackage(ADAPTERS)
                    .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(
                            RestApi.class,
                            JwtAuthFactory.class,
                            RateLimitsFactory.class,
                            PostgresAdapters.class,
                            MetaAdapters.class,
                            GraphApiSettings.class))));

    private static ArchRule publicTypesOf(String adapter, Class<?>... shown) {
        if (shown.length > 4) {
            throw new IllegalArgumentException("an adapter module shows at most 4 public types");
        }
        return classes()
                .that()
                .resideInAPackage(adapter)
                .and()
                .arePublic()
                .should(beOneOf(shown))
                .because("an adapter module shows one entry point and keeps the rest inside");
    }

    private static ArchCondition<JavaClass> beOneOf(Class<?>... shown) {
        List<String> names = Arrays.stream(shown).map(Class::getName).toList();
        return new ArchCondition<>("be one of " + names) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                events.add(
                        new SimpleConditionEvent(type, names.contains(type.getName()), type.getName() + " is public"));
            }
        };
    }

    private static ArchCondition<JavaClass> implementExactlyOneInboundPort() {
        return new ArchCondition<>("implement exactly one inbound port (one use case, one class)") {
            @Override
            public void check(JavaClass service, ConditionEvents events) {
                List<String> ports = service.getAllRawInterfaces().stream()
                        .filter(type -> type.getPackageName().startsWith("io.tenantconfig.application.port.in"))
                        .map(JavaClass::getSimpleName)
                        .toList();
                events.add(new SimpleConditionEvent(
                        service, ports.size() == 1, service.getSimpleName() + " implements " + ports));
            }
        };
    }
}
