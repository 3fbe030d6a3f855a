package com.javelo.scim.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.javelo.scim.core.protocol.error.ScimError;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.error.ScimType;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

@AnalyzeClasses(
        packages = {"com.javelo.scim.core", "com.javelo.scim.domain"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    /**
     * The core's direction: endpoint → use case → port → protocol → domain, never back. The
     * in-memory stores implement ports, as an adapter does, so they sit beside the endpoints on the
     * outside and nothing in the core uses them; {@code ScimApi} wires the whole and nobody uses it.
     * A class in a package outside every layer fails the rule: a new package must be placed here.
     */
    @ArchTest
    static final ArchRule core_layers_point_inwards = layeredArchitecture()
            .consideringAllDependencies()
            .layer("Wiring")
            .definedBy("com.javelo.scim.core")
            .layer("Endpoints")
            .definedBy("com.javelo.scim.core.endpoint..")
            .layer("InMemoryAdapters")
            .definedBy("com.javelo.scim.core.inmemory..")
            .layer("UseCases")
            .definedBy("com.javelo.scim.core.usecase..")
            .layer("Ports")
            .definedBy("com.javelo.scim.core.port..")
            .layer("Protocol")
            .definedBy("com.javelo.scim.core.protocol..")
            .layer("Domain")
            .definedBy("com.javelo.scim.domain..")
            .whereLayer("Wiring")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Endpoints")
            .mayOnlyBeAccessedByLayers("Wiring")
            .whereLayer("InMemoryAdapters")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("UseCases")
            .mayOnlyBeAccessedByLayers("Endpoints", "Wiring")
            .whereLayer("Ports")
            .mayOnlyBeAccessedByLayers("UseCases", "Endpoints", "InMemoryAdapters", "Wiring")
            .whereLayer("Protocol")
            .mayOnlyBeAccessedByLayers("Ports", "UseCases", "Endpoints", "InMemoryAdapters", "Wiring")
            .whereLayer("Domain")
            .mayOnlyBeAccessedByLayers("Protocol", "Ports", "UseCases", "Endpoints", "InMemoryAdapters", "Wiring")
            .ensureAllClassesAreContainedInArchitecture()
            .because("the protocol and the rules must not depend on how they are called or stored");

    @ArchTest
    static final ArchRule statuses_are_chosen_only_by_scim_errors = noClasses()
            .that()
            .doNotBelongToAnyOf(ScimErrors.class)
            .should()
            .callConstructor(ScimError.class, int.class, ScimType.class, String.class)
            .because("every status and scimType the service answers is chosen in ScimErrors, so the table of"
                    + " errors really raised is one file (docs/architecture.md, Errors)");

    @ArchTest
    static final ArchRule core_uses_only_the_domain_java_and_jackson = classes()
            .that()
            .resideInAPackage("com.javelo.scim.core..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..", "com.javelo.scim.core..", "com.javelo.scim.domain..", "com.fasterxml.jackson..")
            .because("the SCIM protocol must behave the same behind any HTTP server and any store");

    @ArchTest
    static final ArchRule core_knows_no_transport_or_sql = noClasses()
            .that()
            .resideInAPackage("com.javelo.scim.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.ws.rs..", "org.glassfish..", "org.jooq..", "java.sql..", "javax.sql..")
            .because("transport belongs to adapter-jersey and SQL to adapter-jooq");

    @ArchTest
    static final ArchRule stores_are_interfaces = classes()
            .that()
            .resideInAPackage("com.javelo.scim.core.port..")
            .and()
            .areNotRecords()
            .and()
            .areTopLevelClasses()
            .should()
            .beInterfaces()
            .because("ports are contracts; adapters implement them");

    @ArchTest
    static final ArchRule use_cases_are_final = classes()
            .that()
            .resideInAPackage("com.javelo.scim.core.usecase..")
            .and()
            .areTopLevelClasses()
            .and()
            .areNotInterfaces()
            .should()
            .haveModifier(JavaModifier.FINAL)
            .because("a use case is one small class composed, not extended");

    @ArchTest
    static final ArchRule core_packages_are_free_of_cycles = slices().matching("com.javelo.scim.core.(*)..")
            .should()
            .beFreeOfCycles()
            .because("protocol, use cases, ports and adapters layer on each other in one direction");

    @ArchTest
    static final ArchRule no_standard_streams =
            GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.because("embedding services own their output");

    @ArchTest
    static final ArchRule no_java_util_logging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.because(
            "the application chooses the logging backend");
}
