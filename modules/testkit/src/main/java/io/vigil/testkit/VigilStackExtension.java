package io.vigil.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: gives a test the shared {@link VigilStack} (started once per test JVM) and a
 * {@link TestNamespace} of its own (one per test class), as constructor or method parameters.
 *
 * <pre>{@code
 * @ExtendWith(VigilStackExtension.class)
 * class IndexingIT {
 *     @Test
 *     void indexes(VigilStack stack, TestNamespace ns) { ... }
 * }
 * }</pre>
 */
public final class VigilStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace STORE =
            ExtensionContext.Namespace.create(VigilStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == VigilStack.class || type == TestNamespace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        VigilStack stack = VigilStack.shared();
        if (parameter.getParameter().getType() == VigilStack.class) {
            return stack;
        }
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext classContext =
                context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
        return classContext
                .getStore(STORE)
                .computeIfAbsent(
                        testClass.getName(),
                        k -> stack.newNamespace(testClass.getSimpleName()),
                        TestNamespace.class);
    }
}
