package dev.lasti.transformer.driver;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.Diagnostic;
import dev.lasti.transformer.TransformResult;
import dev.lasti.transformer.driver.IncrementalState.Fingerprint;
import dev.lasti.transformer.driver.IncrementalState.Kind;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link ClassTransformer} over whole classes folders: the library behind the Maven plugin and the
 * command line. It knows nothing about Maven.
 *
 * <p>A run has four phases, so that nothing is written unless it is complete and (optionally) verified:
 * <ol>
 *   <li>find every {@code .class} file under the roots;</li>
 *   <li>transform them in parallel, skipping files the state file shows as unchanged since the last run;</li>
 *   <li>verify the new classes, if asked, against everything they will sit next to;</li>
 *   <li>write each rewritten class and each new frame class atomically, and record the new state.</li>
 * </ol>
 * A class with an error is left as it was and not recorded, so the next run reports it again.
 */
public final class DirectoryDriver {
    private static final Comparator<Diagnostic> DIAGNOSTIC_ORDER = Comparator
            .comparing(Diagnostic::className)
            .thenComparingInt(Diagnostic::line)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    private final ClassTransformer transformer;
    private final DriverOptions options;

    /**
     * @param transformer the pure class transformer, shared by all worker threads
     * @param options classpath, state file, verification and thread count
     */
    public DirectoryDriver(ClassTransformer transformer, DriverOptions options) {
        this.transformer = transformer;
        this.options = options;
    }

    /**
     * Transforms every class under {@code roots}. Roots that do not exist count as empty (a module without
     * sources has no classes folder).
     *
     * @return what was done, including every diagnostic; check {@link DriverSummary#hasErrors()}
     * @throws DriverException on I/O failures and on faults inside the transformer
     */
    public DriverSummary run(List<Path> roots) throws DriverException {
        long start = System.nanoTime();
        IncrementalState previous = IncrementalState.load(options.stateFile());
        List<Input> inputs = scan(roots);
        ParallelTasks tasks = new ParallelTasks(options.parallelism());
        List<Processed> processed = tasks.map(inputs, Input::file, in -> process(in, previous));

        Map<Processed, List<Diagnostic>> checks = verify(roots, processed, tasks);
        List<Write> writes = new ArrayList<>();
        Map<Path, Fingerprint> state = new HashMap<>();
        RunTally tally = new RunTally();
        for (Processed p : processed) {
            try {
                tally.count(p, checks.getOrDefault(p, List.of()), writes, state);
            } catch (IOException e) {
                throw new DriverException("cannot check the frame classes of " + p.input().file(),
                        p.input().file(), e);
            }
        }
        List<Map.Entry<Path, Fingerprint>> written = tasks.map(writes, Write::target, Write::perform);
        written.forEach(e -> state.put(e.getKey(), e.getValue()));
        // lasti's frame classes by their marker (recorded in the state), whatever their names look like
        List<Path> frameFiles = processed.stream().filter(p -> p.fingerprint().kind() == Kind.FRAME)
                .map(p -> p.input().file()).toList();
        deleteStaleFrames(tally.staleFrameOwners, frameFiles, state);
        try {
            if (!previous.sameAs(state)) {
                IncrementalState.save(options.stateFile(), state);
            }
        } catch (IOException e) {
            throw new DriverException("cannot write the incremental state file " + options.stateFile(),
                    options.stateFile(), e);
        }
        tally.diagnostics.sort(DIAGNOSTIC_ORDER);
        tally.methods.sort(TransformedMethod.ORDER);
        return new DriverSummary(tally.transformed, tally.already, tally.unchanged, tally.upToDate, tally.failed,
                tally.frames, tally.framesFound, tally.methods, tally.diagnostics,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Phase 4, last step: frame classes an earlier run wrote for owners that were just rewritten (or lost
     * their last {@code @Async} method) and that the new output no longer has.
     */
    private static void deleteStaleFrames(List<Owner> owners, List<Path> frameFiles, Map<Path, Fingerprint> state)
            throws DriverException {
        if (frameFiles.isEmpty()) {
            return;
        }
        // Frame files by folder, so each owner looks only at its neighbours, and reads its own class file
        // (for its name) only when a neighbour's file name matches: once frames exist, a rebuild that
        // recompiled many classes would otherwise read each of them again and compare it with every frame.
        Map<Path, List<Path>> framesByFolder = new HashMap<>();
        for (Path f : frameFiles) {
            framesByFolder.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(f);
        }
        for (Owner o : owners) {
            String prefix = o.file().getFileName().toString().replace(".class", "") + "$";
            List<Path> candidates = framesByFolder.getOrDefault(o.file().getParent(), List.of()).stream()
                    .filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            try {
                String name = o.name() != null ? o.name() : ClassNames.internalName(Files.readAllBytes(o.file()));
                for (Path stale : StaleFrames.find(o.file(), name, o.frames(), candidates)) {
                    Files.deleteIfExists(stale);
                    state.remove(stale);
                }
            } catch (IOException e) {
                throw new DriverException("cannot remove stale frame classes of " + o.name(), o.file(), e);
            }
        }
    }

    /** An owner class processed in this run (name null until needed), with the frame classes it has now. */
    record Owner(Path file, String name, java.util.Set<String> frames) {}

    /** One class file found under a root, with its size and modification time when it was found. */
    record Input(Path root, Path file, long size, long mtimeMillis) {}

    /**
     * One input after phase 2.
     *
     * @param fingerprint what the input looks like now, and whether it is one of lasti's frame classes
     * @param result the transformer's answer, or {@code null} when the state file showed it up to date or it
     *     is a frame class (never given to the transformer)
     * @param original the input's bytes when it was transformed (the verifier skips the methods the pass left
     *     as they were), otherwise {@code null}
     */
    record Processed(Input input, Fingerprint fingerprint, TransformResult result, byte[] original) {
        Processed(Input input, Fingerprint fingerprint, TransformResult result) {
            this(input, fingerprint, result, null);
        }
    }

    /** One file to write in phase 4. */
    record Write(Path target, byte[] bytes, Kind kind) {
        Map.Entry<Path, Fingerprint> perform() throws IOException {
            AtomicFiles.write(target, bytes);
            long mtime = Files.getLastModifiedTime(target).toMillis();
            return Map.entry(target, new Fingerprint(bytes.length, mtime, IncrementalState.sha256(bytes), kind));
        }
    }

    private static List<Input> scan(List<Path> roots) throws DriverException {
        List<Input> inputs = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Input> found = new ArrayList<>();
            try {
                // walkFileTree hands over each file's attributes from the directory walk, so the up-to-date
                // check needs no further stat calls: a rebuild with nothing changed is one stat per file.
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        if (!isTransformable(file)) {
                            return FileVisitResult.CONTINUE;
                        }
                        BasicFileAttributes target = attrs.isSymbolicLink() ? followed(file) : attrs;
                        if (target != null && target.isRegularFile()) {
                            found.add(new Input(root, file, target.size(), target.lastModifiedTime().toMillis()));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new DriverException("cannot list the class files under " + root, root, e);
            }
            found.sort(Comparator.comparing(Input::file));
            inputs.addAll(found);
        }
        return inputs;
    }

    /** The attributes of what a symbolic link points to, or {@code null} if it points nowhere. */
    private static BasicFileAttributes followed(Path link) {
        try {
            return Files.readAttributes(link, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isTransformable(Path file) {
        String name = file.getFileName().toString();
        // module-info and package-info have no method bodies; leaving them out keeps the counts honest.
        return name.endsWith(".class") && !name.equals("module-info.class") && !name.equals("package-info.class");
    }

    private Processed process(Input in, IncrementalState previous) throws IOException {
        long mtime = in.mtimeMillis();
        Fingerprint old = previous.get(in.file());
        if (old != null && old.sameStat(in.size(), mtime)) {
            return new Processed(in, old, null);
        }
        byte[] bytes = Files.readAllBytes(in.file());
        Fingerprint now = new Fingerprint(bytes.length, mtime, IncrementalState.sha256(bytes), kindOf(bytes));
        if (old != null && old.sha256().equals(now.sha256())) {
            return new Processed(in, now.as(old.kind()), null); // touched, not changed
        }
        if (now.kind() == Kind.FRAME) {
            return new Processed(in, now, null); // lasti's own output: not one of the user's classes
        }
        TransformResult result = transformer.transform(bytes, in.file().toString());
        return new Processed(in, now, result, result instanceof TransformResult.Transformed ? bytes : null);
    }

    /** Whether {@code bytes} is a frame class lasti generated (by its marker, not its name). */
    private static Kind kindOf(byte[] bytes) {
        try {
            return FrameMarker.read(bytes) != null ? Kind.FRAME : Kind.CLASS;
        } catch (RuntimeException e) {
            return Kind.CLASS; // unreadable: the transformer reports it as corrupt
        }
    }

    private Map<Processed, List<Diagnostic>> verify(List<Path> roots, List<Processed> processed,
                                                    ParallelTasks tasks) throws DriverException {
        if (options.verification() == DriverOptions.Verification.OFF) {
            return Map.of();
        }
        List<Processed> transformed = processed.stream()
                .filter(p -> p.result() instanceof TransformResult.Transformed).toList();
        if (transformed.isEmpty()) {
            return Map.of();
        }
        Map<String, byte[]> pending = new HashMap<>();
        for (Processed p : transformed) {
            TransformResult.Transformed t = (TransformResult.Transformed) p.result();
            pending.put(ClassNames.internalName(t.classBytes()), t.classBytes());
            pending.putAll(t.frameClasses());
        }
        try (OutputVerifier verifier = new OutputVerifier(pending, roots, options.classpath())) {
            List<List<Diagnostic>> errors = tasks.map(transformed, p -> p.input().file(), p -> {
                TransformResult.Transformed t = (TransformResult.Transformed) p.result();
                List<Diagnostic> found = new ArrayList<>(verifier.verifyChanged(t.classBytes(), p.original()));
                for (byte[] frame : t.frameClasses().values()) {
                    found.addAll(verifier.verify(frame));
                }
                return found;
            });
            Map<Processed, List<Diagnostic>> byInput = new LinkedHashMap<>();
            for (int i = 0; i < transformed.size(); i++) {
                if (!errors.get(i).isEmpty()) {
                    byInput.put(transformed.get(i), errors.get(i));
                }
            }
            return byInput;
        } catch (IOException e) {
            throw new DriverException("cannot close the classpath jars the verifier read", null, e);
        }
    }
}
