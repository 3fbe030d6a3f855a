package com.javelo.scim.adapter.jersey.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.javelo.scim.core.protocol.error.ScimError;
import com.javelo.scim.core.protocol.error.ScimType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The HTTP adapter's own rules. That only {@code adapter.jersey.error} maps exceptions is held once,
 * by the app's {@code ArchitectureTest}, which sees every module's mappers.
 */
@AnalyzeClasses(packages = "com.javelo.scim", importOptions = ImportOption.DoNotIncludeTests.class)
class JerseyArchitectureTest {

    @ArchTest
    static final ArchRule the_http_adapter_knows_no_sql = noClasses()
            .that()
            .resideInAPackage("com.javelo.scim.adapter.jersey..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..", "com.javelo.scim.adapter.jooq..")
            .because("adapters never use each other; storage belongs to adapter-jooq");

    @ArchTest
    static final ArchRule the_http_adapter_chooses_no_status_itself = noClasses()
            .that()
            .resideInAPackage("com.javelo.scim.adapter.jersey..")
            .should()
            .callConstructor(ScimError.class, int.class, ScimType.class, String.class)
            .because("every status and scimType is chosen in the core's ScimErrors");
}
