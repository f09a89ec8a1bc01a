import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * benchmarks/sections/agent.sh: loads (without initializing) every class of a jar through a fresh
 * URLClassLoader and prints "classes N failed F ms M", M being the loading time in this process (JVM
 * start-up excluded), so the run with the agent minus the run without it is what the agent costs.
 */
public final class LoadAll {
    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(args[0])) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                String n = e.nextElement().getName();
                if (n.endsWith(".class") && !n.endsWith("module-info.class") && !n.startsWith("META-INF/")) {
                    names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        int failed = 0;
        long start = System.nanoTime();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {new File(args[0]).toURI().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : names) {
                try {
                    Class.forName(name, false, loader);
                } catch (LinkageError | ClassNotFoundException e) {
                    failed++; // an optional dependency that is not on this class path
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("classes " + (names.size() - failed) + " failed " + failed + " ms " + ms);
    }
}
