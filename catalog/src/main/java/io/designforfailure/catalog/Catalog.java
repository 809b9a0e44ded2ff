package io.designforfailure.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The product catalog, read once from the single copy on the classpath so that no service
 * carries its own hand-copied product data.
 */
public final class Catalog {

	/** The shape of every product id: {@code p-} and four digits. */
	public static final Pattern PRODUCT_ID = Pattern.compile("p-\\d{4}");

	private static final String RESOURCE = "/catalog/products.json";

	private final Map<String, Product> products;

	private Catalog(List<Product> products) {
		this.products = products.stream().collect(Collectors.toMap(Product::id, Function.identity(), (a, b) -> {
			throw new IllegalStateException("Duplicate product id " + a.id());
		}, LinkedHashMap::new));
	}

	/** Loads the catalog shipped in this module. */
	public static Catalog load() {
		try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Catalog resource " + RESOURCE + " is missing");
			}
			return new Catalog(new ObjectMapper().readValue(in, new TypeReference<List<Product>>() {
			}));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read catalog " + RESOURCE, ex);
		}
	}

	/** Every product, in catalog order. */
	public List<Product> all() {
		return List.copyOf(this.products.values());
	}

	public Optional<Product> find(String id) {
		return Optional.ofNullable(this.products.get(id));
	}

	public int size() {
		return this.products.size();
	}

	/**
	 * Whether {@code id} has the shape of a product id, whether or not such a product
	 * exists.
	 */
	public static boolean isWellFormedId(String id) {
		return id != null && PRODUCT_ID.matcher(id).matches();
	}

}
