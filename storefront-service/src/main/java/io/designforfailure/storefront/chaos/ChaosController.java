package io.designforfailure.storefront.chaos;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets the resilience console switch a dependency's Chaos Monkey assaults. It exists only
 * when chaos is enabled: otherwise every path answers 404, as if it were not there.
 */
@RestController
class ChaosController {

	private final ChaosProperties properties;

	private final ChaosMonkeys monkeys;

	ChaosController(ChaosProperties properties, ChaosMonkeys monkeys) {
		this.properties = properties;
		this.monkeys = monkeys;
	}

	/**
	 * Runs before any argument is resolved, so a disabled endpoint answers 404 even to a
	 * malformed body.
	 */
	@ModelAttribute
	void requireEnabled() {
		if (!this.properties.enabled()) {
			throw notFound("Chaos is not enabled on this storefront (storefront.chaos.enabled)", null);
		}
	}

	@GetMapping("/api/chaos")
	ChaosStatus status() {
		return new ChaosStatus(true, List.copyOf(this.monkeys.dependencies()));
	}

	@PostMapping("/api/chaos/{dependency}")
	ChaosApplied apply(@PathVariable String dependency, @RequestBody ChaosRequest request) {
		if (!this.monkeys.knows(dependency)) {
			throw notFound("No dependency '" + dependency + "'; known: " + this.monkeys.dependencies(), "dependency");
		}
		this.monkeys.send(dependency, Assaults.of(request));
		return new ChaosApplied(dependency, request.mode(), request.latencyMs());
	}

	@ExceptionHandler
	ProblemDetail handleUnreadableBody(HttpMessageNotReadableException ex) {
		String field = (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty())
				? mapping.getPath().get(0).getFieldName() : "body";
		String detail = "body".equals(field) ? "The body must be a JSON object such as {\"mode\":\"off\"}"
				: "Field '" + field + "' has an invalid value";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setProperty("field", field);
		return problem;
	}

	private static ErrorResponseException notFound(String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		if (field != null) {
			problem.setProperty("field", field);
		}
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

	/**
	 * Whether chaos can be switched, and for which dependencies.
	 *
	 * @param enabled always {@code true}: a disabled storefront answers 404
	 * @param dependencies the dependencies' names
	 */
	record ChaosStatus(boolean enabled, List<String> dependencies) {
	}

	/**
	 * What was forwarded.
	 *
	 * @param dependency the dependency's name
	 * @param mode latency, errors or off
	 * @param latencyMs the added delay, for latency only
	 */
	record ChaosApplied(String dependency, String mode, Integer latencyMs) {
	}

}
