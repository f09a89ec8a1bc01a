import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.TransformResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * benchmarks/sections/agent.sh: the agent's own per-class work, alone: the call its load-time hook makes
 * ({@code ClassTransformer.transform}) over every class of a jar, bytes already in memory. Prints
 * "classes N unchanged U cold-ns C warm-ns W": the first pass (interpreted, as at start-up) and the median
 * of 10 later passes, each per class.
 */
public final class ScanCost {
    public static void main(String[] args) throws IOException {
        List<byte[]> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(args[0])) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (entry.getName().endsWith(".class") && !entry.getName().endsWith("module-info.class")) {
                    classes.add(jar.getInputStream(entry).readAllBytes());
                }
            }
        }
        ClassTransformer transformer = ClassTransformer.create();
        int[] unchanged = new int[1];
        long cold = pass(transformer, classes, unchanged);
        long[] warm = new long[10];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = pass(transformer, classes, new int[1]);
        }
        Arrays.sort(warm);
        int n = classes.size();
        System.out.println("classes " + n + " unchanged " + unchanged[0] + " cold-ns " + cold / n + " warm-ns "
                + warm[warm.length / 2] / n);
    }

    private static long pass(ClassTransformer transformer, List<byte[]> classes, int[] unchanged) {
        long start = System.nanoTime();
        for (byte[] bytes : classes) {
            if (transformer.transform(bytes, "x.class") instanceof TransformResult.Unchanged) {
                unchanged[0]++;
            }
        }
        return System.nanoTime() - start;
    }
}
