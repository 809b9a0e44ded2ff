package io.designforfailure.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A small service that breaks every rule once, for the problem tests. */
@SpringBootApplication
class ProblemsApplication {

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

		@GetMapping("/api/busy")
		String busy() {
			throw FieldProblem.unavailable(java.time.Duration.ofSeconds(2), "busy");
		}

	}

	record View(@NotNull @UserId String userId, @NotNull @ProductId String productId) {
	}

}
