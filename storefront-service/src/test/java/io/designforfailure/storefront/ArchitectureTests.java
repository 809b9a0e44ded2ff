package io.designforfailure.storefront;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The storefront's package rules, checked on its compiled classes: feature packages are
 * leaves, the shared guard machinery knows no feature, resilience lives in the gateways
 * and never in a controller, and nothing is public that need not be.
 */
class ArchitectureTests {

	private static final String ROOT = "io.designforfailure.storefront";

	private static final String[] FEATURES = { ROOT + ".search..", ROOT + ".recommendations.." };

	private static final String[] PAGES = { ROOT + ".home..", ROOT + ".product.." };

	private final JavaClasses storefront = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void onlyThePagesThatComposeFeaturesImportThem() {
		noClasses().that()
			.resideOutsideOfPackages(PAGES)
			.and()
			.resideOutsideOfPackage(ROOT + ".search..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".search..")
			.check(this.storefront);
		noClasses().that()
			.resideOutsideOfPackages(PAGES)
			.and()
			.resideOutsideOfPackage(ROOT + ".recommendations..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".recommendations..")
			.check(this.storefront);
	}

	@Test
	void theGuardsKnowNoFeatureNorPage() {
		noClasses().that()
			.resideInAPackage(ROOT + ".guard..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(concat(FEATURES, PAGES, ROOT + ".console..", ROOT + ".chaos.."))
			.check(this.storefront);
	}

	@Test
	void noPackageDependsOnItselfInACircle() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(this.storefront);
	}

	@Test
	void controllersLeaveResilienceToTheGateways() {
		noClasses().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.resilience4j..")
			.orShould()
			.dependOnClassesThat()
			.haveNameMatching("java\\.util\\.concurrent\\..*(Executor|Rejected).*")
			.orShould()
			.dependOnClassesThat()
			.haveSimpleName("Reason")
			.orShould()
			.dependOnClassesThat()
			.haveSimpleName("DependencyFailure")
			.check(this.storefront);
	}

	@Test
	void onlyTheGuardsObserveCalls() {
		noClasses().that()
			.resideOutsideOfPackage(ROOT + ".guard..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.micrometer.observation..", "io.micrometer.tracing..", "brave..")
			.because("the guard that makes the attempts records them once, as observations (STYLE rule 13)")
			.check(this.storefront);
	}

	@Test
	void controllersAndConfigurationArePackagePrivate() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.or()
			.areAnnotatedWith(Configuration.class)
			.should()
			.notBePublic()
			.check(this.storefront);
	}

	private static String[] concat(String[] first, String[] second, String... more) {
		String[] all = new String[first.length + second.length + more.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		System.arraycopy(more, 0, all, first.length + second.length, more.length);
		return all;
	}

}
