package io.designforfailure.catalog;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTests {

	private final Catalog catalog = Catalog.load();

	@Test
	void holdsARealisticNumberOfProductsAcrossSeveralCategories() {
		assertThat(this.catalog.size()).isBetween(150, 300);
		assertThat(this.catalog.all().stream().map(Product::category).distinct()).hasSizeGreaterThanOrEqualTo(5);
	}

	@Test
	void everyProductIsComplete() {
		assertThat(this.catalog.all()).allSatisfy((product) -> {
			assertThat(Catalog.isWellFormedId(product.id())).as(product.id()).isTrue();
			assertThat(product.name()).isNotBlank();
			assertThat(product.category()).isNotBlank();
			assertThat(product.description()).isNotBlank();
			assertThat(product.tags()).isNotEmpty();
			assertThat(product.price()).isGreaterThan(BigDecimal.ZERO);
		});
	}

	@Test
	void findsAProductById() {
		assertThat(this.catalog.find("p-0001"))
			.hasValueSatisfying((p) -> assertThat(p.name()).isEqualTo("Trail Running Shoes"));
		assertThat(this.catalog.find("p-9999")).isEmpty();
	}

	@Test
	void keepsPricesToTheCent() {
		assertThat(this.catalog.find("p-0001")).hasValueSatisfying((p) -> assertThat(p.price()).hasToString("89.90"));
	}

	@Test
	void recognisesWellFormedIds() {
		assertThat(Catalog.isWellFormedId("p-0042")).isTrue();
		assertThat(Catalog.isWellFormedId("p-42")).isFalse();
		assertThat(Catalog.isWellFormedId("../etc")).isFalse();
		assertThat(Catalog.isWellFormedId(null)).isFalse();
	}

}
