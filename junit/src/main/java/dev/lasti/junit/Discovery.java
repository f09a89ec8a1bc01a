package dev.lasti.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Turns the platform's selectors into the engine's tests: a class with {@link AsyncTest} methods becomes a
 * container, each such method a test. Package and class-path selectors reach here as class selectors,
 * through the platform's class scanning.
 */
final class Discovery implements SelectorResolver {
    static final String CLASS_SEGMENT = "class";
    static final String METHOD_SEGMENT = "method";

    static boolean hasAsyncTests(Class<?> c) {
        return isTestClass(c) && !asyncTests(c).isEmpty();
    }

    private static boolean isTestClass(Class<?> c) {
        int m = c.getModifiers();
        return !Modifier.isAbstract(m) && !c.isInterface() && !c.isLocalClass() && !c.isAnonymousClass()
                && (c.getEnclosingClass() == null || Modifier.isStatic(m));
    }

    static List<Method> asyncTests(Class<?> c) {
        return ReflectionSupport.findMethods(c, Discovery::isAsyncTest, HierarchyTraversalMode.TOP_DOWN);
    }

    private static boolean isAsyncTest(Method m) {
        return AnnotationSupport.isAnnotated(m, AsyncTest.class);
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> c = selector.getJavaClass();
        if (!hasAsyncTests(c)) {
            return Resolution.unresolved();
        }
        return context.addToParent(parent -> Optional.of(new AsyncClassDescriptor(
                        parent.getUniqueId().append(CLASS_SEGMENT, c.getName()), c)))
                .map(d -> Resolution.match(Match.exact(d, () -> methodSelectors(c))))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Method m = selector.getJavaMethod();
        Class<?> c = selector.getJavaClass();
        if (!isAsyncTest(m) || !isTestClass(c)) {
            return Resolution.unresolved();
        }
        return context.addToParent(() -> selectClass(c), parent -> Optional.of(new AsyncMethodDescriptor(
                        parent.getUniqueId().append(METHOD_SEGMENT, m.getName()), c, m)))
                .map(d -> Resolution.match(Match.exact(d)))
                .orElse(Resolution.unresolved());
    }

    /** Unique ids the engine handed out before, as an IDE sends them to re-run one test or class. */
    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
        if (segments.isEmpty() || !segments.get(0).getValue().equals(LastiTestEngine.ID) || segments.size() < 2) {
            return Resolution.unresolved();
        }
        String className = segments.get(1).getValue();
        if (segments.size() == 2) {
            return Resolution.selectors(Set.of(selectClass(className)));
        }
        return Resolution.selectors(Set.of(selectMethod(className, segments.get(2).getValue())));
    }

    private static Set<DiscoverySelector> methodSelectors(Class<?> c) {
        return asyncTests(c).stream().map(m -> selectMethod(c, m)).collect(Collectors.toCollection(
                java.util.LinkedHashSet::new));
    }
}
