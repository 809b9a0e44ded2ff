package io.designforfailure.storefront.guard;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.VegasLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How many attempts to one dependency may be in flight at once, adapted to what the
 * dependency says: Netflix concurrency-limits' {@link SimpleLimiter} with an AIMD limit,
 * client side. An attempt the dependency sheds (503 with {@code Retry-After}, 429) or
 * that finds no connection lowers the limit; attempts answered raise it again, up to the
 * bulkhead's {@code max-concurrent-calls}, its ceiling. A dependency that sheds a little
 * is sent about what it takes, one that cannot be reached a couple of attempts at a time,
 * and a storefront whose own CPU is the bottleneck (its answers waiting for a core, not
 * for the dependency) is not held to a fixed number of calls in flight that its slower
 * round trips make too few. A timed-out attempt leaves the limit as it is: it says the
 * attempt took too long, not who took the time, and under overload the storefront's own
 * busy CPU timed out attempts to a search that had room (docs/overload.md); a dependency
 * that is slow for everyone is the breaker's to stop. An attempt over the limit is
 * refused at once, as a full bulkhead is, and reported so ({@code bulkhead-full}); an
 * answer that is an error (500, garbage, 4xx) says nothing about load either.
 */
final class ConcurrencyLimit {

	private final String dependency;

	private final SimpleLimiter<Void> limiter;

	private final Counter refused;

	/**
	 * @param dependency the dependency's name, in metrics and failures
	 * @param properties the limit's settings, or disabled: then only the bulkhead bounds
	 * the attempts in flight
	 * @param ceiling the most attempts ever in flight: the bulkhead's size
	 * @param nanoClock the clock the limiter times round trips by
	 */
	ConcurrencyLimit(String dependency, GuardProperties.ConcurrencyLimit properties, int ceiling,
			LongSupplier nanoClock, MeterRegistry registry) {
		this.dependency = dependency;
		this.limiter = properties.enabled() ? SimpleLimiter.newBuilder()
			.named(dependency)
			.nanoClock(nanoClock)
			.limit(limit(properties, ceiling))
			.build() : null;
		this.refused = Counter.builder("storefront.concurrency.limited")
			.description("Attempts refused in the storefront because the concurrency limit was reached")
			.tag("dependency", dependency)
			.register(registry);
		if (this.limiter != null) {
			Gauge.builder("storefront.concurrency.limit", this.limiter, SimpleLimiter::getLimit)
				.description("Attempts the adaptive concurrency limit lets be in flight now")
				.tag("dependency", dependency)
				.register(registry);
			Gauge.builder("storefront.concurrency.in.flight", this.limiter, SimpleLimiter::getInflight)
				.description("Attempts holding a slot of the concurrency limit now")
				.tag("dependency", dependency)
				.register(registry);
		}
	}

	/**
	 * The attempt, made only while the limit has room, its outcome told to the limit.
	 * @param refusal told of a refusal (event name and detail), for the call's story
	 * @throws DependencyFailure {@code bulkhead-full} when the limit is reached
	 */
	<T> Supplier<T> decorate(Supplier<T> attempt, BiConsumer<String, String> refusal) {
		if (this.limiter == null) {
			return attempt;
		}
		return () -> {
			Optional<Limiter.Listener> slot = this.limiter.acquire(null);
			if (slot.isEmpty()) {
				this.refused.increment();
				refusal.accept("bulkhead-full", "the adaptive concurrency limit of " + this.limiter.getLimit()
						+ " attempts in flight is reached");
				throw DependencyFailure.refusedByGuard(Reason.BULKHEAD_FULL, this.dependency, null);
			}
			Limiter.Listener listener = slot.get();
			try {
				T result = attempt.get();
				listener.onSuccess();
				return result;
			}
			catch (DependencyFailure failure) {
				if (saysTooMuch(failure)) {
					listener.onDropped();
				}
				else {
					listener.onIgnore();
				}
				throw failure;
			}
			catch (RuntimeException ex) {
				listener.onIgnore();
				throw ex;
			}
		};
	}

	/**
	 * Whether an attempt's failure says that it was one too many: shed by the dependency,
	 * or made and unanswered for want of a connection. A call our own guards held back
	 * made no attempt and says nothing; a timeout does not say whose time ran out.
	 */
	static boolean saysTooMuch(DependencyFailure failure) {
		return switch (failure.reason()) {
			case OVERLOADED -> failure.status() != null;
			case UNAVAILABLE -> failure.countsAgainstDependency();
			default -> false;
		};
	}

	GuardReport.ConcurrencyLimitReport report() {
		return (this.limiter != null)
				? new GuardReport.ConcurrencyLimitReport(true, this.limiter.getLimit(), this.limiter.getInflight(),
						(long) this.refused.count())
				: new GuardReport.ConcurrencyLimitReport(false, 0, 0, (long) this.refused.count());
	}

	private static Limit limit(GuardProperties.ConcurrencyLimit properties, int ceiling) {
		int initial = Math.min(properties.initialLimit(), ceiling);
		return switch (properties.algorithm()) {
			case AIMD -> AIMDLimit.newBuilder()
				.initialLimit(initial)
				.minLimit(properties.minLimit())
				.maxLimit(ceiling)
				.backoffRatio(properties.backoffRatio())
				.build();
			case GRADIENT2 -> Gradient2Limit.newBuilder()
				.initialLimit(initial)
				.minLimit(properties.minLimit())
				.maxConcurrency(ceiling)
				.build();
			case VEGAS -> VegasLimit.newBuilder().initialLimit(initial).maxConcurrency(ceiling).build();
		};
	}

}
