package dev.lasti.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A stand-in for the JVM's load-time hook, for tests in this JVM: classes of {@code dev.lasti.agent.fixture}
 * are read from the test class path and passed through a {@link LoadTimeTransformer} before being defined
 * here, child-first; everything else comes from the parent.
 */
final class HookedLoader extends ClassLoader {
    private static final String FIXTURES = "dev.lasti.agent.fixture.";

    private final LoadTimeTransformer hook;

    HookedLoader(LoadTimeTransformer hook) {
        super("hooked", HookedLoader.class.getClassLoader());
        this.hook = hook;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(FIXTURES)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            return c != null ? c : findClass(name);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] original = read(name);
        byte[] hooked = hook.transform(this, name.replace('.', '/'), null, null, original);
        return define(name, hooked != null ? hooked : original);
    }

    /** What {@link FrameDefiner} does in these tests: define in this loader, as the agent's definer would. */
    Class<?> define(String name, byte[] bytes) {
        return defineClass(name, bytes, 0, bytes.length);
    }

    static byte[] read(String name) throws ClassNotFoundException {
        try (InputStream in = HookedLoader.class.getClassLoader()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
