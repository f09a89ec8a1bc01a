package dev.lasti.transformer.generator;

import dev.lasti.transformer.generator.ProgramGenerator.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The JDK 25 side of {@link ModernClassFilesTest}, run as a child process on JDK 25: transforms, verifies
 * and runs class files that JDK 25's javac compiled, each program under every schedule against its twin.
 *
 * <p>Arguments: {@code <classes dir> <sources dir> <failure dir> <first seed> <count> <fixture>...}; the
 * generated programs are regenerated from their seeds (the generator is deterministic), fixtures are
 * re-rendered from their templates. Prints one summary line and exits 1 on any finding.
 */
public final class Jdk25Main {
    private Jdk25Main() {}

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() < 25) {
            System.out.println("jdk25: FAILED: running on Java " + Runtime.version() + ", not 25 or newer");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        Path sources = Path.of(args[1]);
        long first = Long.parseLong(args[3]);
        long count = Long.parseLong(args[4]);
        List<Program> programs = new ArrayList<>();
        ProgramGenerator generator = new ProgramGenerator(Shape.allExcept(""));
        for (long seed = first; seed < first + count; seed++) {
            programs.add(generator.generate(seed));
        }
        for (int i = 5; i < args.length; i++) {
            programs.add(ModernFixtures.render(args[i], args[i]).program());
        }
        Map<String, byte[]> compiled = read(classes);
        Set<Integer> versions = new TreeSet<>();
        compiled.values().forEach(b -> versions.add(((b[6] & 0xff) << 8) | (b[7] & 0xff)));
        List<Finding> findings = new ArrayList<>();
        String totals;
        try (GeneratorHarness harness = new GeneratorHarness(Shape.allExcept(""), Path.of(args[2]), 1)) {
            for (Program p : programs) {
                String source = Files.readString(sources.resolve(p.className() + ".java"));
                findings.addAll(harness.runCompiled(p, source, compiled));
            }
            totals = harness.totals();
        }
        findings.stream().limit(10).forEach(f -> System.out.println(f.describe()));
        System.out.printf("jdk25: Java %s, %d programs, %d classes, class file versions %s, %s, %d findings%n",
                Runtime.version(), programs.size(), compiled.size(), versions, totals, findings.size());
        System.exit(findings.isEmpty() ? 0 : 1);
    }

    /** Every class file under {@code dir}, by binary name. */
    private static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".class"))::iterator) {
                String rel = dir.relativize(f).toString().replace(java.io.File.separatorChar, '.');
                out.put(rel.substring(0, rel.length() - ".class".length()), Files.readAllBytes(f));
            }
        }
        return out;
    }
}
