package io.designforfailure.recommendations.events;

import io.designforfailure.catalog.Catalog;
import io.designforfailure.catalog.Product;
import io.designforfailure.recommendations.history.ViewHistory;
import io.micrometer.core.instrument.Counter;
import io.designforfailure.web.FieldProblem;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records product views exactly once per idempotency key, so that clients may retry a
 * view without counting it twice.
 */
@RestController
class ViewEventController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final Catalog catalog;

	private final IdempotencyStore idempotencyStore;

	private final ViewHistory history;

	private final Counter recorded;

	private final Counter duplicates;

	ViewEventController(Catalog catalog, IdempotencyStore idempotencyStore, ViewHistory history,
			MeterRegistry registry) {
		this.catalog = catalog;
		this.idempotencyStore = idempotencyStore;
		this.history = history;
		this.recorded = Counter.builder("recommendations.views.recorded")
			.description("Views recorded in the history, once per idempotency key")
			.register(registry);
		this.duplicates = Counter.builder("recommendations.views.duplicates")
			.description("Repeated views recognised by their idempotency key and not recorded again")
			.register(registry);
	}

	@PostMapping(path = "/api/events/views", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ViewEventStatus> record(
			@RequestHeader(IDEMPOTENCY_KEY) @Pattern(regexp = "\\p{Graph}{1,128}",
					message = "must be 1-128 visible characters") String idempotencyKey,
			@RequestBody @Valid ViewEvent event) {
		Product product = this.catalog.find(event.productId())
			.orElseThrow(
					() -> FieldProblem.badRequest("productId", "productId " + event.productId() + " is not a product"));
		return switch (this.idempotencyStore.claim(idempotencyKey, event)) {
			case FIRST -> {
				this.history.record(event.userId(), product.id());
				this.recorded.increment();
				yield ResponseEntity.accepted().body(ViewEventStatus.ACCEPTED);
			}
			case REPEAT -> {
				this.duplicates.increment();
				yield ResponseEntity.ok(ViewEventStatus.DUPLICATE);
			}
			case CONFLICT -> throw FieldProblem.unprocessable(IDEMPOTENCY_KEY,
					IDEMPOTENCY_KEY + " was already used for a different view");
		};
	}

}
