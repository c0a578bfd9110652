package com.blooio.spring.test.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.blooio.spring.test.simulator.BlooioSimulator;

/**
 * JUnit Jupiter extension running one {@link BlooioSimulator} per test class: started
 * before the first test (or when first injected), reset before each test, closed after
 * the class. Test methods, lifecycle methods and constructors can declare a
 * {@code BlooioSimulator} parameter. <pre class="code">
 * &#064;ExtendWith(BlooioSimulatorExtension.class)
 * class NotifierTests {
 *
 *     &#064;Test
 *     void sends(BlooioSimulator sim) { ... }
 *
 * }
 * </pre> Nested test classes share their enclosing class's simulator.
 *
 * @since 0.1.0
 */
public class BlooioSimulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BlooioSimulatorExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		simulator(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		simulator(context).reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == BlooioSimulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return simulator(extensionContext);
	}

	/**
	 * Returns the simulator of the test class, starting it on first use. The class-level
	 * store closes it when the class is done (stored values that are
	 * {@link AutoCloseable} are closed by JUnit).
	 * @param context any context of the test class
	 * @return the simulator
	 */
	private static BlooioSimulator simulator(ExtensionContext context) {
		return classContext(context).getStore(NAMESPACE)
			.computeIfAbsent(BlooioSimulator.class, (key) -> BlooioSimulator.start(), BlooioSimulator.class);
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

}
