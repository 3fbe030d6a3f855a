package com.javelo.scim.adapter.jersey.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.ext.ExceptionMapper;

@AnalyzeClasses(packages = "com.javelo.scim", importOptions = ImportOption.DoNotIncludeTests.class)
class JerseyArchitectureTest {

    @ArchTest
    static final ArchRule only_the_error_package_maps_exceptions = classes()
            .that().implement(ExceptionMapper.class)
            .should().resideInAPackage("com.javelo.scim.adapter.jersey.error..")
            .because("one mapper family renders every error, so no response escapes the SCIM error shape");

    @ArchTest
    static final ArchRule the_http_adapter_knows_no_sql = noClasses()
            .that().resideInAPackage("com.javelo.scim.adapter.jersey..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..",
                    "com.javelo.scim.adapter.jooq..")
            .because("adapters never use each other; storage belongs to adapter-jooq");
}
