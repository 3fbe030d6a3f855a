package com.javelo.scim.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

@AnalyzeClasses(packages = "com.javelo.scim.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule core_uses_only_the_domain_java_and_jackson = classes()
            .that().resideInAPackage("com.javelo.scim.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "com.javelo.scim.core..", "com.javelo.scim.domain..", "com.fasterxml.jackson..")
            .because("the SCIM protocol must behave the same behind any HTTP server and any store");

    @ArchTest
    static final ArchRule core_knows_no_transport_or_sql = noClasses()
            .that().resideInAPackage("com.javelo.scim.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.ws.rs..", "org.glassfish..", "org.jooq..", "java.sql..", "javax.sql..")
            .because("transport belongs to adapter-jersey and SQL to adapter-jooq");

    @ArchTest
    static final ArchRule stores_are_interfaces = classes()
            .that().resideInAPackage("com.javelo.scim.core.port..")
            .and().areNotRecords().and().areTopLevelClasses()
            .should().beInterfaces()
            .because("ports are contracts; adapters implement them");

    @ArchTest
    static final ArchRule use_cases_are_final = classes()
            .that().resideInAPackage("com.javelo.scim.core.usecase..")
            .and().areTopLevelClasses().and().areNotInterfaces()
            .should().haveModifier(JavaModifier.FINAL)
            .because("a use case is one small class composed, not extended");

    @ArchTest
    static final ArchRule core_packages_are_free_of_cycles = slices()
            .matching("com.javelo.scim.core.(*)..")
            .should().beFreeOfCycles()
            .because("protocol, use cases, ports and adapters layer on each other in one direction");

    @ArchTest
    static final ArchRule no_standard_streams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("embedding services own their output");

    @ArchTest
    static final ArchRule no_java_util_logging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("the application chooses the logging backend");
}
