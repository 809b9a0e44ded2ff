package io.designforfailure.storefront.guard;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.resilience4j.core.ContextPropagator;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;

/**
 * Carries the caller's context (its current observation, so its trace and the request's
 * {@link ServerTimings}, and its logging MDC) onto the thread of a Resilience4j
 * thread-pool bulkhead, with Micrometer's context-propagation, and removes it after.
 * Named in application.yml under the bulkhead's {@code context-propagators}.
 */
public class TracePropagator implements ContextPropagator<ContextSnapshot> {

	private static final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

	private static final ThreadLocal<ContextSnapshot.Scope> restored = new ThreadLocal<>();

	@Override
	public Supplier<Optional<ContextSnapshot>> retrieve() {
		return () -> Optional.of(snapshots.captureAll());
	}

	@Override
	public Consumer<Optional<ContextSnapshot>> copy() {
		return (snapshot) -> snapshot.ifPresent((captured) -> restored.set(captured.setThreadLocals()));
	}

	@Override
	public Consumer<Optional<ContextSnapshot>> clear() {
		return (snapshot) -> {
			ContextSnapshot.Scope scope = restored.get();
			if (scope != null) {
				restored.remove();
				scope.close();
			}
		};
	}

}
