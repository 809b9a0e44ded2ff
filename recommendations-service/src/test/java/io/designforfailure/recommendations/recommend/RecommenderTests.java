package io.designforfailure.recommendations.recommend;

import java.util.List;

import io.designforfailure.catalog.Catalog;
import io.designforfailure.catalog.Product;
import io.designforfailure.recommendations.history.ViewHistory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecommenderTests {

	private static final Catalog catalog = Catalog.load();

	private final ViewHistory history = new ViewHistory(100, 20);

	private final Recommender recommender = new Recommender(catalog, this.history);

	@Test
	void recommendsTheMostViewedProductsToAnonymousVisitors() {
		view("bob", "p-0150", "p-0112");
		view("carol", "p-0150");

		UserRecommendations recommendations = this.recommender.forUser(null, 3);

		assertThat(recommendations.userId()).isNull();
		assertThat(recommendations.strategy()).isEqualTo(Strategy.POPULAR);
		assertThat(ids(recommendations.items())).containsExactly("p-0150", "p-0112", "p-0001");
	}

	@Test
	void recommendsPopularProductsToAUserWithoutViews() {
		view("bob", "p-0150");

		UserRecommendations recommendations = this.recommender.forUser("alice", 2);

		assertThat(recommendations.userId()).isEqualTo("alice");
		assertThat(recommendations.strategy()).isEqualTo(Strategy.POPULAR);
		assertThat(ids(recommendations.items())).containsExactly("p-0150", "p-0001");
	}

	@Test
	void recommendsWhatOthersViewedAlongsideFirstThenTheSameCategory() {
		view("bob", "p-0001", "p-0150", "p-0112");
		view("carol", "p-0001", "p-0150");
		view("dave", "p-0005");
		view("alice", "p-0001");

		UserRecommendations recommendations = this.recommender.forUser("alice", 5);

		assertThat(recommendations.strategy()).isEqualTo(Strategy.PERSONALIZED);
		assertThat(ids(recommendations.items())).containsExactly("p-0150", "p-0112", "p-0005", "p-0002", "p-0003");
	}

	@Test
	void neverRecommendsWhatTheUserViewedNorAnyProductTwice() {
		view("bob", "p-0001", "p-0002", "p-0150");
		view("alice", "p-0002", "p-0001");

		List<String> items = ids(this.recommender.forUser("alice", 50).items());

		assertThat(items).doesNotContain("p-0001", "p-0002").doesNotHaveDuplicates().hasSize(50);
		assertThat(items.get(0)).isEqualTo("p-0150");
	}

	@Test
	void fillsPersonalizedRecommendationsUpToTheLimitWithPopularProducts() {
		view("bob", "p-0150");
		view("alice", "p-0001");

		List<Product> items = products(this.recommender.forUser("alice", 25).items());

		assertThat(items).hasSize(25);
		assertThat(items.subList(0, 21)).allMatch((product) -> product.category().equals("running"));
		assertThat(items.get(21).id()).isEqualTo("p-0150");
	}

	@Test
	void relatesWhatOthersViewedAlongsideFirstThenTheSameCategory() {
		view("bob", "p-0001", "p-0150");
		view("carol", "p-0001", "p-0150", "p-0112");

		ProductRecommendations related = this.recommender.forProduct(product("p-0001"), 4);

		assertThat(related.productId()).isEqualTo("p-0001");
		assertThat(related.strategy()).isEqualTo(Strategy.ALSO_VIEWED);
		assertThat(ids(related.items())).containsExactly("p-0150", "p-0112", "p-0002", "p-0003");
	}

	@Test
	void neverRelatesAProductToItselfNorListsAnyProductTwice() {
		view("bob", "p-0001", "p-0002", "p-0003");
		view("carol", "p-0002", "p-0001");

		ProductRecommendations related = this.recommender.forProduct(product("p-0001"), 50);

		assertThat(ids(related.items())).doesNotContain("p-0001").doesNotHaveDuplicates().hasSize(21);
		assertThat(ids(related.items())).startsWith("p-0002", "p-0003");
	}

	@Test
	void relatesProductsOfTheSameCategoryWhenNobodyViewedTheProductWithAnother() {
		view("bob", "p-0150", "p-0112");
		view("carol", "p-0003");

		ProductRecommendations related = this.recommender.forProduct(product("p-0001"), 10);

		assertThat(related.strategy()).isEqualTo(Strategy.SAME_CATEGORY);
		assertThat(products(related.items())).hasSize(10)
			.allMatch((product) -> product.category().equals("running"))
			.noneMatch((product) -> product.id().equals("p-0001"));
		assertThat(related.items().get(0).id()).isEqualTo("p-0003");
	}

	@Test
	void showsPricesWithWholeCentsWithoutRounding() {
		assertThat(ProductSummary.of(product("p-0001")).price()).hasToString("89.90");
		assertThat(ProductSummary.of(product("p-0002")).price()).hasToString("109.00");
	}

	private void view(String user, String... productIds) {
		for (String productId : productIds) {
			this.history.record(user, productId);
		}
	}

	private static Product product(String id) {
		return catalog.find(id).orElseThrow();
	}

	private static List<String> ids(List<ProductSummary> items) {
		return items.stream().map(ProductSummary::id).toList();
	}

	private static List<Product> products(List<ProductSummary> items) {
		return items.stream().map((item) -> product(item.id())).toList();
	}

}
