package io.designforfailure.search;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package rules of search-service, checked on its compiled classes. */
class ArchitectureTests {

	private static final String ROOT = "io.designforfailure.search";

	private final JavaClasses service = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void noPackageDependsOnItselfInACircle() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(this.service);
	}

	@Test
	void controllersAndConfigurationArePackagePrivate() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.or()
			.areAnnotatedWith(Configuration.class)
			.should()
			.notBePublic()
			.check(this.service);
	}

}
