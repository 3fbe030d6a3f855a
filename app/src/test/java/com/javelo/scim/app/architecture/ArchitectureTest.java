package com.javelo.scim.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.javelo.scim.adapter.jersey.auth.TenantAuthenticated;
import com.javelo.scim.app.access.AdminAuthenticated;
import com.javelo.scim.core.protocol.error.ScimError;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.error.ScimType;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The dependency rule of ARCHITECTURE.md over every module, as built. */
@AnalyzeClasses(packages = "com.javelo.scim", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule hexagon = onionArchitecture()
            .domainModels("com.javelo.scim.domain..")
            .applicationServices("com.javelo.scim.core..")
            .adapter("jersey", "com.javelo.scim.adapter.jersey..")
            .adapter("jooq", "com.javelo.scim.adapter.jooq..")
            .withOptionalLayers(true)
            .ignoreDependency(
                    JavaClass.Predicates.resideInAPackage("com.javelo.scim.app.."), DescribedPredicate.alwaysTrue())
            .because("arrows point inwards only: the adapters never use each other, the core never uses an adapter");

    @ArchTest
    static final ArchRule only_the_app_knows_every_module = noClasses()
            .that()
            .resideOutsideOfPackage("com.javelo.scim.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.javelo.scim.app..")
            .because("only the assembly wires the modules together");

    @ArchTest
    static final ArchRule generated_code_stays_in_the_jooq_adapter = noClasses()
            .that()
            .resideOutsideOfPackage("com.javelo.scim.adapter.jooq..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.javelo.scim.adapter.jooq.generated..")
            .because("table classes are the jOOQ adapter's private business");

    /** Held here only (it was also in adapter-jersey's test, which cannot see the app's classes). */
    @ArchTest
    static final ArchRule only_the_error_package_maps_exceptions = classes()
            .that()
            .implement(ExceptionMapper.class)
            .should()
            .resideInAPackage("com.javelo.scim.adapter.jersey.error..")
            .because("one mapper family renders every error as a SCIM error, and a domain exception reaches"
                    + " HTTP only through DomainExceptionMapper");

    @ArchTest
    static final ArchRule statuses_are_chosen_only_by_scim_errors = noClasses()
            .that()
            .doNotBelongToAnyOf(ScimErrors.class)
            .should()
            .callConstructor(ScimError.class, int.class, ScimType.class, String.class)
            .because("every status and scimType the service answers is chosen in the core's ScimErrors");

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("com.javelo.scim.(*).(*)..")
            .should()
            .beFreeOfCycles()
            .because("each capability can be read and changed on its own");

    @ArchTest
    static final ArchRule no_standard_streams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.because(
            "output goes through SLF4J, or picocli's writers for the CLI");

    @ArchTest
    static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.because(
            "every failure has a type that says what went wrong");

    @ArchTest
    static final ArchRule no_java_util_logging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.because(
            "JUL is bridged into SLF4J; nobody logs through it directly");

    @ArchTest
    static final ArchRule every_admin_resource_is_behind_the_admin_filter = classes()
            .that(servePathsUnder("admin/"))
            .should()
            .beAnnotatedWith(AdminAuthenticated.class)
            .because("the admin filter is name-bound: a resource under /admin without the binding would answer"
                    + " without any token (an event-consumer resource once did)");

    @ArchTest
    static final ArchRule every_scim_resource_is_behind_the_bearer_filter = classes()
            .that()
            .resideInAPackage("com.javelo.scim.adapter.jersey.resource..")
            .and()
            .areAnnotatedWith(Path.class)
            .should()
            .beAnnotatedWith(TenantAuthenticated.class)
            .because(
                    "the bearer filter is name-bound: a SCIM resource without the binding would answer without a token");

    private static DescribedPredicate<JavaClass> servePathsUnder(String prefix) {
        return DescribedPredicate.describe(
                "serve paths under " + prefix,
                javaClass -> javaClass
                        .tryGetAnnotationOfType(Path.class)
                        .map(path -> path.value().replaceFirst("^/", "").startsWith(prefix))
                        .orElse(false));
    }
}
