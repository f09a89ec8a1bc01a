package dev.lasti.transformer.generator;

import dev.lasti.transformer.generator.ProgramGenerator.Program;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates, compiles, transforms, loads (verifying) and runs programs for a range of seeds, in batches: one
 * javac invocation per batch, batches on parallel workers. Every program that goes wrong is written to
 * {@code target/generator-failures/<seed>.java} with its findings on top, so it can be reproduced.
 */
final class GeneratorHarness implements AutoCloseable {
    /** Programs per javac invocation: large enough to amortise javac's start, small enough to parallelise. */
    static final int BATCH = 50;
    /** Batches between two progress lines (1,000 programs). */
    private static final int PROGRESS_EVERY = 20;
    /** A run that takes this long is a hang (a task that never resumes), not a slow program. */
    private static final long PROGRAM_TIMEOUT_SECONDS = 60;

    private final ProgramGenerator generator;
    private final boolean cancel;
    private final Path failureDir;
    private final ExecutorService workers;
    private final ExecutorService runners = Executors.newCachedThreadPool(daemon("lasti-gen-run"));
    private final ExecutorService completer = Executors.newSingleThreadExecutor(daemon("lasti-gen-completer"));
    /** Totals for the summary line, so a green run shows that transformed code really ran. */
    private final AtomicLong frameClasses = new AtomicLong();
    private final AtomicLong asyncRuns = new AtomicLong();
    private final AtomicLong awaits = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();
    /** Generator programs: consumer runs, values taken, and runs the twin could not model. */
    private final AtomicLong generatorRuns = new AtomicLong();
    private final AtomicLong yields = new AtomicLong();
    private final AtomicLong unmodelled = new AtomicLong();
    /** How generator runs ended, by {@link YieldOutcome#endings} name. */
    private final Map<String, Long> endings = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final Mode kind;

    GeneratorHarness(Set<Shape> shapes, Path failureDir, int threads) {
        this(shapes, Mode.ASYNC, failureDir, threads);
    }

    /** A harness for programs of {@code kind}: {@link Mode#ASYNC}, {@link Mode#GENERATOR} or both kinds of generator. */
    GeneratorHarness(Set<Shape> shapes, Mode kind, Path failureDir, int threads) {
        this.kind = kind;
        this.generator = new ProgramGenerator(shapes, kind);
        this.cancel = shapes.contains(Shape.CANCELLATION);
        this.failureDir = failureDir;
        this.workers = Executors.newFixedThreadPool(threads, daemon("lasti-gen-batch"));
    }

    /** Runs seeds {@code first .. first + count - 1}; returns every finding, ordered by seed. */
    List<Finding> run(long first, long count) throws InterruptedException {
        List<java.util.concurrent.Future<List<Finding>>> batches = new ArrayList<>();
        for (long start = first; start < first + count; start += BATCH) {
            long from = start;
            long n = Math.min(BATCH, first + count - start);
            batches.add(workers.submit(() -> runBatch(from, n)));
        }
        List<Finding> all = new ArrayList<>();
        long start = System.nanoTime();
        int done = 0;
        for (var b : batches) {
            try {
                all.addAll(b.get());
                if (++done % PROGRESS_EVERY == 0) { // a long run shows how far it got, even if stopped
                    System.out.printf("generator progress: %d of %d programs, %d findings, %d s, %s%n",
                            Math.min((long) done * BATCH, count), count, all.size(),
                            (System.nanoTime() - start) / 1_000_000_000L, totals());
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("a generator batch crashed", e.getCause());
            }
        }
        all.sort((x, y) -> Long.compareUnsigned(x.seed(), y.seed()));
        return all;
    }

    private List<Finding> runBatch(long first, long count) throws Exception {
        List<Program> programs = new ArrayList<>();
        List<InMemoryCompiler.Source> sources = new ArrayList<>();
        for (long seed = first; seed < first + count; seed++) {
            Program p = generator.generate(seed);
            programs.add(p);
            sources.add(new InMemoryCompiler.Source(p.qualifiedName(), ProgramWriter.render(p)));
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, byte[]> compiled = compile(programs, sources, findings);
        ProgramTransformer transformer = new ProgramTransformer();
        for (int i = 0; i < programs.size(); i++) {
            Program p = programs.get(i);
            if (!compiled.containsKey(p.qualifiedName())) {
                continue; // javac rejected it; compile() made that a finding
            }
            List<Finding> mine = runProgram(p, classesOf(p, compiled), transformer);
            if (!mine.isEmpty()) {
                writeFailure(p, sources.get(i).code(), mine);
                findings.addAll(mine);
            }
        }
        return findings;
    }

    /**
     * Compiles the batch in one javac run; if javac rejects it (or crashes, as javac 17 does on some switch
     * expressions), compiles each program alone so one bad program costs only its own seed.
     */
    private Map<String, byte[]> compile(List<Program> programs, List<InMemoryCompiler.Source> sources,
                                        List<Finding> findings) {
        InMemoryCompiler javac = new InMemoryCompiler();
        try {
            return javac.compile(sources);
        } catch (InMemoryCompiler.CompileError batchError) {
            Map<String, byte[]> compiled = new java.util.TreeMap<>();
            for (int i = 0; i < programs.size(); i++) {
                try {
                    compiled.putAll(javac.compile(List.of(sources.get(i))));
                } catch (InMemoryCompiler.CompileError e) {
                    Finding f = new Finding(programs.get(i).seed(), Finding.Kind.JAVAC_REJECTED, e.getMessage());
                    writeFailure(programs.get(i), sources.get(i).code(), List.of(f));
                    findings.add(f);
                }
            }
            return compiled;
        }
    }

    private List<Finding> runProgram(Program p, Map<String, byte[]> compiled, ProgramTransformer transformer)
            throws InterruptedException {
        ProgramTransformer.Result t = transformer.transform(compiled);
        if (t.error() != null) {
            return List.of(new Finding(p.seed(), Finding.Kind.TRANSFORM_FAILED, t.error()));
        }
        frameClasses.addAndGet(t.frameClasses());
        BytesClassLoader loader = new BytesClassLoader(t.classes(), getClass().getClassLoader());
        Class<?> program;
        try {
            for (String name : t.classes().keySet()) {
                Class.forName(name, true, loader); // links, so the verifier checks every method now
            }
            program = loader.loadClass(p.qualifiedName());
        } catch (LinkageError | ClassNotFoundException e) {
            return List.of(new Finding(p.seed(), Finding.Kind.VERIFY_FAILED, e.toString()));
        }
        var run = runners.submit(() -> runOn(p, program));
        try {
            return run.get(PROGRAM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            return List.of(new Finding(p.seed(), Finding.Kind.TIMEOUT,
                    "no result after " + PROGRAM_TIMEOUT_SECONDS + " s: a task that never resumed?"));
        } catch (ExecutionException e) {
            return List.of(new Finding(p.seed(), Finding.Kind.MISMATCH, "the harness crashed: " + e.getCause()));
        }
    }

    /** Runs a loaded program with the runner of its kind and adds its counts to the totals. */
    private List<Finding> runOn(Program p, Class<?> program) throws ReflectiveOperationException {
        if (p.kind() == Mode.GENERATOR) {
            GeneratorRunner runner = new GeneratorRunner();
            List<Finding> found = runner.run(p, program);
            generatorRuns.addAndGet(runner.runs());
            yields.addAndGet(runner.yields());
            unmodelled.addAndGet(runner.unmodelled());
            runner.endings().forEach((e, n) -> endings.merge(e, n, Long::sum));
            return found;
        }
        if (p.kind() == Mode.ASYNC_GENERATOR) {
            AsyncGeneratorRunner runner = new AsyncGeneratorRunner(completer);
            List<Finding> found = runner.run(p, program);
            generatorRuns.addAndGet(runner.runs());
            yields.addAndGet(runner.yields());
            awaits.addAndGet(runner.awaits());
            unmodelled.addAndGet(runner.unmodelled());
            runner.endings().forEach((e, n) -> endings.merge(e, n, Long::sum));
            return found;
        }
        ProgramRunner runner = new ProgramRunner(completer, cancel);
        List<Finding> found = runner.run(p, program);
        asyncRuns.addAndGet(runner.runs());
        cancelled.addAndGet(runner.cancelled());
        awaits.addAndGet(runner.awaits());
        return found;
    }

    /**
     * Runs one program compiled elsewhere (by another JDK's javac): transforms, loads and verifies its classes
     * from {@code compiled} and runs it; a failing program is written out like a generated one.
     */
    List<Finding> runCompiled(Program p, String source, Map<String, byte[]> compiled) throws InterruptedException {
        List<Finding> mine = runProgram(p, classesOf(p, compiled), new ProgramTransformer());
        if (!mine.isEmpty()) {
            writeFailure(p, source, mine);
        }
        return mine;
    }

    /** The program's own classes: {@code gen.P7} and its nested {@code gen.P7$Pair}. */
    private static Map<String, byte[]> classesOf(Program p, Map<String, byte[]> compiled) {
        Map<String, byte[]> mine = new java.util.TreeMap<>();
        compiled.forEach((name, bytes) -> {
            if (name.equals(p.qualifiedName()) || name.startsWith(p.qualifiedName() + "$")) {
                mine.put(name, bytes);
            }
        });
        return mine;
    }

    private void writeFailure(Program p, String source, List<Finding> findings) {
        StringBuilder header = new StringBuilder("/*\n");
        for (Finding f : findings) {
            header.append(f.describe().replace("*/", "* /")).append("\n\n");
        }
        header.append("*/\n");
        // Async programs keep the documented <seed>.java; generator ones are named by class (G7, A7).
        String name = p.kind() == Mode.ASYNC ? Long.toUnsignedString(p.seed()) : p.className();
        Path file = failureDir.resolve(name + ".java");
        try {
            Files.createDirectories(failureDir);
            Path tmp = Files.createTempFile(failureDir, "seed", ".tmp");
            Files.writeString(tmp, header + source);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Frame classes generated, async runs compared and awaits made so far, for the summary line. */
    String totals() {
        if (kind != Mode.ASYNC) {
            return frameClasses + " frame classes, " + generatorRuns + " consumer runs (" + unmodelled
                    + " not modelled), " + yields + " values taken, " + awaits + " awaits, endings " + endings;
        }
        return frameClasses + " frame classes, " + asyncRuns + " async runs (" + cancelled
                + " ended cancelled), " + awaits + " awaits";
    }

    /** How the generator runs so far ended: ending name to runs, for the coverage check of the fixed seeds. */
    Map<String, Long> endings() {
        return Map.copyOf(endings);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        runners.shutdownNow();
        completer.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
