package com.javelo.scim.adapter.jooq.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.javelo.scim.adapter.jooq", importOptions = ImportOption.DoNotIncludeTests.class)
class JooqArchitectureTest {

    /**
     * The stores speak jOOQ; JDBC itself (statements, result sets, SQL states) is the SQL layer's.
     * One named exception: {@code notify} holds PostgreSQL's LISTEN connection, a JDBC connection
     * outside the pool that jOOQ has no API for.
     */
    @ArchTest
    static final ArchRule only_the_sql_package_touches_jdbc = noClasses()
            .that()
            .resideInAPackage("com.javelo.scim.adapter.jooq..")
            .and()
            .resideOutsideOfPackages("com.javelo.scim.adapter.jooq.sql..", "com.javelo.scim.adapter.jooq.notify..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.sql..")
            .because("one way to write SQL: the stores use jOOQ, and what runs below it lives in adapter.jooq.sql");
}
