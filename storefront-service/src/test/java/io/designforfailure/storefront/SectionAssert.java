package io.designforfailure.storefront;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ObjectArrayAssert;

import org.springframework.test.json.JsonContent;
import org.springframework.test.json.JsonContentAssert;
import org.springframework.test.json.JsonPathValueAssert;

/**
 * Assertions on one section of a storefront answer in the words of the contract: served
 * live, or degraded to the cache or a fallback for a reason.
 */
public class SectionAssert extends AbstractAssert<SectionAssert, JsonContent> {

	private final String name;

	SectionAssert(JsonContent answer, String name) {
		super(answer, SectionAssert.class);
		this.name = name;
	}

	/** Served by the dependency: source {@code live}, not degraded, a null reason. */
	public SectionAssert isLive() {
		return hasState("live", false, null);
	}

	/**
	 * Degraded: served from {@code source} ({@code cache} or {@code fallback}) because of
	 * {@code reason}.
	 */
	public SectionAssert isDegraded(String source, String reason) {
		return hasState(source, true, reason);
	}

	public SectionAssert hasSource(String source) {
		Object actualSource = field("source");
		if (!source.equals(actualSource)) {
			failWithMessage("Expected the %s section to come from %s, but it came from %s: %s", this.name, source,
					actualSource, state());
		}
		return this;
	}

	public SectionAssert hasReason(String reason) {
		Object actualReason = field("reason");
		if (!reason.equals(actualReason)) {
			failWithMessage("Expected the %s section to be degraded because of %s, but the reason was %s: %s",
					this.name, reason, actualReason, state());
		}
		return this;
	}

	/**
	 * The section tells exactly these attempts, in order, by outcome ({@code ok},
	 * {@code timeout}, {@code unavailable}, {@code overloaded}, {@code error}); each but
	 * the first says how long the call waited before it.
	 */
	public SectionAssert hasAttempts(String... outcomes) {
		List<String> actual = attemptOutcomes();
		if (!actual.equals(List.of(outcomes))) {
			failWithMessage("Expected the %s section to tell the attempts %s, but it told %s: %s", this.name,
					List.of(outcomes), actual, state());
		}
		List<Map<String, Object>> attempts = JsonPath.read(this.actual.getJson(), "$." + this.name + ".attempts");
		for (int i = 0; i < attempts.size(); i++) {
			Map<String, Object> attempt = attempts.get(i);
			if (!(attempt.get("ms") instanceof Number took) || took.longValue() < 0) {
				failWithMessage("Expected attempt %d of the %s section to say how long it took, but it was %s", i + 1,
						this.name, attempt);
			}
			if (attempt.containsKey("waitedMs") == (i == 0)) {
				failWithMessage("Expected attempt %d of the %s section %s waitedMs, but it was %s", i + 1, this.name,
						(i == 0) ? "to have no" : "to have a", attempt);
			}
		}
		return this;
	}

	/** The section tells no attempt: a guard refused the call before it made one. */
	public SectionAssert hasNoAttempts() {
		return hasAttempts();
	}

	/** The outcomes of the attempts the section tells, in order. */
	public List<String> attemptOutcomes() {
		section();
		List<String> outcomes = JsonPath.read(this.actual.getJson(), "$." + this.name + ".attempts[*].outcome");
		return outcomes;
	}

	/** The section's items, each a JSON object. */
	public ObjectArrayAssert<Object> items() {
		return extractingPath("items").asArray();
	}

	/** The value at {@code path} inside the section, such as {@code items[0].id}. */
	public JsonPathValueAssert extractingPath(String path) {
		return new JsonContentAssert(this.actual).extractingPath("$." + this.name + "." + path);
	}

	private SectionAssert hasState(String source, boolean degraded, String reason) {
		Map<String, Object> section = section();
		boolean matches = source.equals(section.get("source")) && Objects.equals(degraded, section.get("degraded"))
				&& section.containsKey("reason") && Objects.equals(reason, section.get("reason"));
		if (!matches) {
			failWithMessage("Expected the %s section to be %s, but it was %s", this.name,
					describe(source, degraded, reason), state());
		}
		return this;
	}

	private Object field(String field) {
		return section().get(field);
	}

	private String state() {
		Map<String, Object> section = section();
		return describe(section.get("source"), section.get("degraded"), section.get("reason")) + ", attempts="
				+ section.get("attempts");
	}

	private static String describe(Object source, Object degraded, Object reason) {
		return "source=%s, degraded=%s, reason=%s".formatted(source, degraded, reason);
	}

	private Map<String, Object> section() {
		isNotNull();
		try {
			return JsonPath.read(this.actual.getJson(), "$." + this.name);
		}
		catch (PathNotFoundException | ClassCastException ex) {
			throw failure("Expected the answer to have a %s section, but it was %s", this.name, this.actual.getJson());
		}
	}

}
