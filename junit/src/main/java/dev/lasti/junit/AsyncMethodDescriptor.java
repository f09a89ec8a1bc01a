package dev.lasti.junit;

import dev.lasti.Future;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.opentest4j.TestAbortedException;

/** One {@link AsyncTest} method: a test, run on a new instance of its class and a loop of its own. */
final class AsyncMethodDescriptor extends AbstractTestDescriptor {
    private final Class<?> testClass;
    private final Method method;

    AsyncMethodDescriptor(UniqueId id, Class<?> testClass, Method method) {
        super(id, method.getName() + "()", MethodSource.from(testClass, method));
        this.testClass = testClass;
        this.method = method;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    TestExecutionResult execute() {
        try {
            check();
            Object instance = Modifier.isStatic(method.getModifiers()) ? null : instantiate();
            AsyncTest settings = method.getAnnotation(AsyncTest.class);
            LastiTest.run(LastiTest.Settings.of(settings), () -> invoke(instance));
            return TestExecutionResult.successful();
        } catch (TestAbortedException e) {
            return TestExecutionResult.aborted(e);
        } catch (Throwable t) {
            return TestExecutionResult.failed(t);
        }
    }

    private void check() {
        Class<?> r = method.getReturnType();
        if (method.getParameterCount() != 0 || !(r == void.class || Future.class.isAssignableFrom(r))) {
            throw new IllegalStateException("@AsyncTest method " + testClass.getName() + "." + method.getName()
                    + " must take no parameters and return void or a dev.lasti.Future, not " + r.getName());
        }
    }

    private Object instantiate() throws ReflectiveOperationException {
        Constructor<?> c = testClass.getDeclaredConstructor();
        c.setAccessible(true);
        try {
            return c.newInstance();
        } catch (InvocationTargetException e) {
            throw sneaky(e.getCause());
        }
    }

    /** On the loop thread: calls the method, so an {@code @Async} body starts there. */
    @SuppressWarnings("unchecked")
    private Future<Object> invoke(Object instance) {
        try {
            method.setAccessible(true);
            Object r = method.invoke(instance);
            return method.getReturnType() == void.class ? Future.completed(null) : (Future<Object>) r;
        } catch (InvocationTargetException e) {
            return Future.failed(e.getCause());
        } catch (IllegalAccessException e) {
            return Future.failed(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
