package io.designforfailure.systemtests;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link RunningSystem} on first use and keeps it in the root store, which
 * closes it (stopping every process) when the whole test run ends, passed or failed; a
 * JVM shutdown hook covers an aborted run.
 */
class RunningSystemExtension implements ParameterResolver, AfterEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(RunningSystemExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == RunningSystem.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return system(context);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		system(context).restore();
	}

	private static RunningSystem system(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.getOrComputeIfAbsent(RunningSystem.class, (key) -> RunningSystem.start(), RunningSystem.class);
	}

}
