package io.tenantconfig.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon's rules (DESIGN.md, "Modules"), checked on the production classes of every module. */
@AnalyzeClasses(packages = "io.tenantconfig",
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
    private static final String ADAPTERS = "io.tenantconfig.adapters..";
    private static final String BOOTSTRAP = "io.tenantconfig.bootstrap..";

    @ArchTest
    static final ArchRule the_domain_depends_only_on_the_jdk_and_itself = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN);

    @ArchTest
    static final ArchRule the_application_depends_only_on_the_jdk_the_domain_and_itself = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION);

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = slices()
            .matching("io.tenantconfig.adapters.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_bootstrap = noClasses()
            .that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP);

    @ArchTest
    static final ArchRule nothing_but_bootstrap_knows_the_dropwizard_application = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().haveFullyQualifiedName("io.dropwizard.core.Application")
            .orShould().dependOnClassesThat().areAssignableTo(io.dropwizard.core.Configuration.class);

    @ArchTest
    static final ArchRule adapters_use_use_cases_through_their_interfaces = noClasses()
            .that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat(describe("implementations of use cases",
                    ArchitectureTest::implementsAUseCase));

    private static boolean implementsAUseCase(JavaClass type) {
        return !type.isInterface() && type.getAllRawInterfaces().stream()
                .anyMatch(i -> i.getPackageName().equals("io.tenantconfig.application.usecase")
                        && i.getSimpleName().endsWith("UseCase"));
    }
}
