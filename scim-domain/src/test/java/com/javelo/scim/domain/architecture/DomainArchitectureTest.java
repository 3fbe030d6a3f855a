package com.javelo.scim.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

@AnalyzeClasses(packages = "com.javelo.scim.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_java = classes()
            .that()
            .resideInAPackage("com.javelo.scim.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.javelo.scim.domain..")
            .because("the business rules must not change when a library or framework does (ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule domain_packages_are_free_of_cycles = slices().matching("com.javelo.scim.domain.(*)..")
            .should()
            .beFreeOfCycles()
            .because("each capability can be read and changed on its own");

    @ArchTest
    static final ArchRule no_standard_streams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.because(
            "the domain reports through events and exceptions");

    @ArchTest
    static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.because(
            "a broken rule has a name of its own (DomainException subtypes)");
}
