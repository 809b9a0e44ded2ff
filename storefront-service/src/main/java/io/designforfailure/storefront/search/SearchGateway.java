package io.designforfailure.storefront.search;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import io.designforfailure.storefront.guard.DependencyFailure;
import io.designforfailure.storefront.guard.DependencyGuard;
import io.designforfailure.storefront.guard.DependencyGuards;
import io.designforfailure.storefront.guard.DependencyReporter;
import io.designforfailure.storefront.guard.Guarded;
import io.designforfailure.storefront.guard.LastGoodAnswers;
import io.designforfailure.storefront.guard.Section;
import io.designforfailure.storefront.guard.SharedCache;
import io.designforfailure.web.FieldProblem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Search as the storefront sees it: live results while search-service answers; when it
 * does not, the last good results for the same query, marked with when they were fetched,
 * or an empty section that says why.
 */
@Component
public class SearchGateway implements DependencyReporter {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private final SearchClient client;

	private final DependencyGuard guard;

	private final Clock clock;

	private final int limit;

	private final LastGoodAnswers<List<SearchHit>> results;

	private final LastGoodAnswers<ProductDetails> products;

	SearchGateway(SearchClient client, DependencyGuards guards, SearchProperties properties, Clock clock,
			SharedCache sharedCache) {
		this.client = client;
		this.guard = guards.guard(properties);
		this.clock = clock;
		this.limit = properties.limit();
		SearchProperties.Cache cache = properties.cache();
		this.results = sharedCache.lastGood("search", cache.maximumSize(), cache.timeToLive(), new TypeReference<>() {
		});
		this.products = sharedCache.lastGood("product", cache.maximumSize(), cache.timeToLive(), new TypeReference<>() {
		});
	}

	/** Searches for {@code query}, which the caller has already validated. */
	public Section<SearchHit> search(String query) {
		String key = normalize(query);
		try {
			Guarded<List<SearchHit>> hits = this.guard.read(() -> valid(this.client.search(query, this.limit)));
			Section<SearchHit> live = Section.live(hits.value(), this.clock.instant(), hits.attempts());
			this.results.put(key, hits.value(), live.asOf());
			return this.guard.served(live);
		}
		catch (DependencyFailure failure) {
			Section<SearchHit> degraded = this.results.get(key)
				.map((cached) -> Section.cached(cached.answer(), cached.asOf(), failure))
				.orElseGet(() -> Section.fallback(List.of(), this.clock.instant(), failure));
			return this.guard.served(degraded);
		}
	}

	/**
	 * Looks up one product: live, else from the products seen before, else an empty
	 * section.
	 * @throws FieldProblem 404 naming {@code id} if search-service says there is no such
	 * product
	 */
	public Section<ProductDetails> product(String id) {
		try {
			Guarded<ProductDetails> product = this.guard.read(() -> valid(this.client.product(id), id));
			Section<ProductDetails> live = Section.live(List.of(product.value()), this.clock.instant(),
					product.attempts());
			this.products.put(id, product.value(), live.asOf());
			return this.guard.served(live);
		}
		catch (DependencyFailure failure) {
			if (failure.status() != null && failure.status().value() == HttpStatus.NOT_FOUND.value()) {
				throw FieldProblem.notFound("id", "id " + id + " is not a product");
			}
			Section<ProductDetails> degraded = this.products.get(id)
				.map((cached) -> Section.cached(List.of(cached.answer()), cached.asOf(), failure))
				.orElseGet(() -> Section.fallback(List.<ProductDetails>of(), this.clock.instant(), failure));
			return this.guard.served(degraded);
		}
	}

	@Override
	public String dependency() {
		return this.guard.name();
	}

	/** How many queries have results kept for when search fails. */
	@Override
	public Map<String, Object> details() {
		return Map.of("cacheSize", this.results.size());
	}

	/**
	 * Trimmed, lower-case, inner whitespace collapsed: the same question asked twice hits
	 * the cache.
	 */
	static String normalize(String query) {
		return WHITESPACE.matcher(query.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
	}

	private List<SearchHit> valid(SearchResults results) {
		if (results == null || results.items() == null
				|| !results.items().stream().allMatch(SearchHit::hasEveryField)) {
			throw malformed("search results without complete items");
		}
		return results.items();
	}

	private ProductDetails valid(ProductDetails product, String id) {
		if (product == null || !product.hasEveryField() || !id.equals(product.id())) {
			throw malformed("product " + id + " incomplete or mismatched");
		}
		return product;
	}

	private DependencyFailure malformed(String what) {
		return DependencyFailure.malformed(this.guard.name(), what);
	}

}
