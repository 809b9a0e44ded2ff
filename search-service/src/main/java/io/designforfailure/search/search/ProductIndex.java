package io.designforfailure.search.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.designforfailure.catalog.Catalog;
import io.designforfailure.catalog.Product;
import io.designforfailure.web.FieldProblem;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * An in-memory Lucene index of the catalog, built once at start-up and ranked with BM25,
 * Lucene's default similarity.
 */
@Component
class ProductIndex implements AutoCloseable {

	private static final String ID = "id";

	private final Catalog catalog;

	private final Analyzer analyzer = new EnglishAnalyzer();

	private final QueryBuilder queryBuilder = new QueryBuilder(this.analyzer);

	private final Directory directory = new ByteBuffersDirectory();

	private final DirectoryReader reader;

	private final ObservationRegistry observations;

	/**
	 * @param observations where each search is observed; none in a test slice without
	 * observability, and then it is not
	 */
	@Autowired
	ProductIndex(Catalog catalog, ObjectProvider<ObservationRegistry> observations) {
		this(catalog, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	ProductIndex(Catalog catalog, ObservationRegistry observations) {
		this.catalog = catalog;
		this.observations = observations;
		try {
			write(catalog.all());
			this.reader = DirectoryReader.open(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot build the product index", ex);
		}
	}

	private void write(List<Product> products) throws IOException {
		try (IndexWriter writer = new IndexWriter(this.directory, new IndexWriterConfig(this.analyzer))) {
			for (Product product : products) {
				writer.addDocument(document(product));
			}
		}
	}

	private static Document document(Product product) {
		Document document = new Document();
		document.add(new StringField(ID, product.id(), Store.YES));
		document.add(new TextField(SearchField.NAME.name, product.name(), Store.NO));
		document.add(new TextField(SearchField.CATEGORY.name, product.category(), Store.NO));
		document.add(new TextField(SearchField.DESCRIPTION.name, product.description(), Store.NO));
		for (String tag : product.tags()) {
			document.add(new TextField(SearchField.TAGS.name, tag, Store.NO));
		}
		return document;
	}

	/**
	 * Finds the products matching any word of {@code query}, best first. The text is
	 * analyzed into terms rather than parsed, so Lucene query syntax in it is just
	 * punctuation, and a query of only stop words finds nothing. Scoring stops once
	 * {@code timeout} says so, and then the search fails rather than present the hits
	 * found so far as all there are. The search is a span of its own in the request's
	 * trace, {@code lucene search}, tagged with the Lucene query and the hits.
	 * @throws FieldProblem 503 if {@code timeout} stopped the search
	 */
	SearchResponse search(String query, int limit, QueryTimeout timeout) {
		Observation observation = Observation.createNotStarted("search.lucene", this.observations)
			.contextualName("lucene search");
		return observation.observe(() -> {
			BooleanQuery luceneQuery = toLuceneQuery(query);
			observation.highCardinalityKeyValue("lucene.query", luceneQuery.toString());
			SearchResponse response = search(luceneQuery, query, limit, timeout);
			observation.highCardinalityKeyValue("lucene.hits", Long.toString(response.total()));
			return response;
		});
	}

	private SearchResponse search(BooleanQuery luceneQuery, String query, int limit, QueryTimeout timeout) {
		if (luceneQuery.clauses().isEmpty()) {
			return new SearchResponse(query, 0, List.of());
		}
		// A searcher per query: the timeout belongs to this query alone, and a searcher
		// over an open reader is cheap to make.
		IndexSearcher searcher = new IndexSearcher(this.reader);
		searcher.setTimeout(timeout);
		try {
			// Counting every hit keeps total exact whatever the limit.
			TopDocs top = searcher.search(luceneQuery, new TopScoreDocCollectorManager(limit, Integer.MAX_VALUE));
			if (searcher.timedOut()) {
				throw FieldProblem.unavailable(Duration.ofSeconds(1),
						"The search ran past the request's deadline and was stopped");
			}
			return new SearchResponse(query, top.totalHits.value, hits(searcher, top));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot search the product index", ex);
		}
	}

	private BooleanQuery toLuceneQuery(String query) {
		BooleanQuery.Builder anyField = new BooleanQuery.Builder();
		for (SearchField field : SearchField.values()) {
			Query terms = this.queryBuilder.createBooleanQuery(field.name, query);
			if (terms != null) {
				anyField.add(new BoostQuery(terms, field.boost), Occur.SHOULD);
			}
		}
		return anyField.build();
	}

	private List<SearchHit> hits(IndexSearcher searcher, TopDocs top) throws IOException {
		StoredFields storedFields = searcher.storedFields();
		List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
		for (ScoreDoc scoreDoc : top.scoreDocs) {
			String id = storedFields.document(scoreDoc.doc).get(ID);
			Product product = this.catalog.find(id).orElseThrow();
			hits.add(SearchHit.of(product, scoreDoc.score));
		}
		return hits;
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
		this.directory.close();
		this.analyzer.close();
	}

	/**
	 * The searched fields and their weight: a product is first what its name says, then
	 * what it is tagged with, then the words around it.
	 */
	private enum SearchField {

		NAME("name", 4f), TAGS("tags", 2f), CATEGORY("category", 1.5f), DESCRIPTION("description", 1f);

		private final String name;

		private final float boost;

		SearchField(String name, float boost) {
			this.name = name;
			this.boost = boost;
		}

	}

}
