package dev.lasti.transformer.driver;

import dev.lasti.transformer.Diagnostic;
import dev.lasti.transformer.TransformResult;
import dev.lasti.transformer.driver.DirectoryDriver.Owner;
import dev.lasti.transformer.driver.DirectoryDriver.Processed;
import dev.lasti.transformer.driver.DirectoryDriver.Write;
import dev.lasti.transformer.driver.IncrementalState.Fingerprint;
import dev.lasti.transformer.driver.IncrementalState.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Counts the outcomes of one {@link DirectoryDriver} run and collects what phase 4 writes and records. Each
 * of the user's class files lands in exactly one count; lasti's own frame classes found under the roots
 * (recognised by their marker) land in none of them, only in {@link #framesFound}, so the summary's numbers
 * mean the same whether or not frames from an earlier run are there. Used by one thread.
 */
final class RunTally {
    int transformed;
    int already;
    int unchanged;
    int upToDate;
    int failed;
    int frames;
    int framesFound;
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<TransformedMethod> methods = new ArrayList<>();
    final List<Owner> staleFrameOwners = new ArrayList<>();
    private final Set<Path> claimedFrames = new HashSet<>();

    /**
     * @param checks the verifier's findings for this input (errors and warnings)
     * @throws IOException if an existing file a frame class would replace cannot be read
     */
    void count(Processed p, List<Diagnostic> checks, List<Write> writes, Map<Path, Fingerprint> state)
            throws IOException {
        TransformResult result = p.result();
        Path file = p.input().file();
        if (p.fingerprint().kind() == Kind.FRAME) {
            framesFound++;
            state.put(file, p.fingerprint());
            return;
        }
        if (result == null) {
            upToDate++;
            state.put(file, p.fingerprint());
            return;
        }
        diagnostics.addAll(result.diagnostics());
        diagnostics.addAll(checks);
        boolean hasError = Stream.concat(checks.stream(), result.diagnostics().stream())
                .anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
        // Java 17: no pattern switch, so an if chain over the sealed kinds.
        if (result instanceof TransformResult.Unchanged) {
            unchanged++;
            state.put(file, p.fingerprint());
            // recompiled without @Async: frames from an earlier run are stale
            staleFrameOwners.add(new Owner(file, null, Set.of()));
        } else if (result instanceof TransformResult.AlreadyTransformed) {
            already++;
            state.put(file, p.fingerprint());
        } else if (result instanceof TransformResult.Transformed t && !hasError) {
            List<Diagnostic> clashes = FrameClash.check(p.input().root(), file, t, claimedFrames);
            if (!clashes.isEmpty()) {
                diagnostics.addAll(clashes);
                failed++;
                return;
            }
            written(p, t, writes);
        } else {
            failed++; // Failed, or Transformed with an error: write nothing of it
        }
    }

    private void written(Processed p, TransformResult.Transformed t, List<Write> writes) {
        transformed++;
        writes.add(new Write(p.input().file(), t.classBytes(), Kind.CLASS));
        String owner = ClassNames.internalName(t.classBytes());
        staleFrameOwners.add(new Owner(p.input().file(), owner, t.frameClasses().keySet()));
        methods.addAll(TransformedMethod.of(t.classBytes(), t.frameClasses()));
        t.frameClasses().forEach((name, bytes) -> {
            frames++;
            writes.add(new Write(p.input().root().resolve(name + ".class"), bytes, Kind.FRAME));
        });
    }
}
