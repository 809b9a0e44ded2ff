package io.designforfailure.storefront.guard;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * How a guarded call and each of its attempts are observed: a span each (the attempts
 * children of the call, the HTTP client span of an attempt its child), and a timer each,
 * {@code storefront_dependency_call_seconds} and
 * {@code storefront_dependency_attempt_seconds}.
 */
final class CallObservation {

	static final Convention CALL = new Convention("storefront.dependency.call");

	static final Convention ATTEMPT = new Convention("storefront.dependency.attempt");

	private CallObservation() {
	}

	/** A call, or one attempt of it ({@code attempt} from 1). */
	static final class Context extends Observation.Context {

		private final String dependency;

		private final String operation;

		private final int attempt;

		private String outcome = "none";

		Context(String dependency, String operation, int attempt) {
			this.dependency = dependency;
			this.operation = operation;
			this.attempt = attempt;
		}

		boolean isAttempt() {
			return this.attempt > 0;
		}

		void outcome(String outcome) {
			this.outcome = outcome;
		}

	}

	/** Names and tags: dependency, read or write, outcome; the attempt's number. */
	static final class Convention implements ObservationConvention<Context> {

		private final String name;

		private Convention(String name) {
			this.name = name;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public String getContextualName(Context context) {
			return context.dependency + " " + (context.isAttempt() ? "attempt" : context.operation);
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(Context context) {
			return KeyValues.of("dependency", context.dependency, "operation", context.operation, "outcome",
					context.outcome);
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(Context context) {
			return context.isAttempt() ? KeyValues.of("attempt", Integer.toString(context.attempt)) : KeyValues.empty();
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof Context;
		}

	}

}
