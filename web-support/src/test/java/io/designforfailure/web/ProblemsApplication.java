package io.designforfailure.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.designforfailure.web.deadline.RequestDeadline;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small service for the module's tests: endpoints that break every input rule once, one
 * that reports its deadline, one that holds requests (reads or writes) in flight until
 * released, and one that counts its requests by the readiness they met.
 */
@SpringBootApplication
public class ProblemsApplication {

	/** How many requests reached a controller, so a test can tell a drop from work. */
	public static final AtomicInteger invocations = new AtomicInteger();

	/** Requests inside {@code /api/hold}. */
	public static volatile CountDownLatch entered = new CountDownLatch(0);

	/** Opens to let the requests in {@code /api/hold} finish. */
	public static volatile CountDownLatch release = new CountDownLatch(0);

	/** Requests to {@code /api/warm}, by the service's readiness when each arrived. */
	public static final Map<ReadinessState, AtomicInteger> warmRequests = new ConcurrentHashMap<>();

	@RestController
	static class RulesController {

		@GetMapping("/api/search")
		String search(@RequestParam(required = false) String q,
				@RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
			return Inputs.query(q);
		}

		@GetMapping("/api/users")
		String user(@RequestParam @UserId String userId) {
			return userId;
		}

		@GetMapping("/api/products/{id}")
		String product(@PathVariable String id) {
			throw FieldProblem.notFound("id", "id " + Inputs.productId(id) + " is not a product");
		}

		@PostMapping(path = "/api/views", consumes = "application/json")
		String view(@RequestHeader("Idempotency-Key") String key, @RequestBody @jakarta.validation.Valid View view) {
			return key;
		}

		@GetMapping("/api/deadline")
		String deadline() {
			invocations.incrementAndGet();
			return RequestDeadline.current().remaining().map((left) -> String.valueOf(left.toMillis())).orElse("none");
		}

		@GetMapping("/api/hold")
		String hold() throws InterruptedException {
			invocations.incrementAndGet();
			entered.countDown();
			return release.await(30, TimeUnit.SECONDS) ? "released" : "timed out";
		}

		@PostMapping("/api/hold")
		String holdWrite() throws InterruptedException {
			return hold();
		}

		@GetMapping("/api/busy")
		String busy() {
			throw FieldProblem.unavailable(java.time.Duration.ofSeconds(2), "busy");
		}

	}

	@RestController
	static class WarmController {

		// A provider: the MVC slice tests have no ApplicationAvailability, and never ask.
		private final ObjectProvider<ApplicationAvailability> availability;

		WarmController(ObjectProvider<ApplicationAvailability> availability) {
			this.availability = availability;
		}

		@GetMapping("/api/warm")
		String warm() {
			ReadinessState readiness = this.availability.getObject().getReadinessState();
			warmRequests.computeIfAbsent(readiness, (state) -> new AtomicInteger()).incrementAndGet();
			return readiness.name();
		}

	}

	record View(@NotNull @UserId String userId, @NotNull @ProductId String productId) {
	}

}
