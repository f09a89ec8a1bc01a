package dev.lasti.transformer.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last run saw: one {@link Fingerprint} per class file it left in a good state (transformed,
 * already transformed, or without {@code @Async}) and per frame class it wrote or found. A class that failed
 * is never recorded, so its errors are reported again on the next run.
 *
 * <p>File format, one line per file after a header: {@code path TAB size TAB mtimeMillis TAB sha256 TAB
 * kind}, kind {@code class} or {@code frame}. The path is absolute; it comes first and may itself hold tabs,
 * so lines are split from the right. A state file of another version reads as empty.
 */
final class IncrementalState {
    private static final String HEADER = "# lasti incremental state v2";

    /** What a recorded file is: one of the user's classes, or a frame class lasti generated. */
    enum Kind {
        CLASS, FRAME;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String word) {
            return valueOf(word.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Size, modification time, content hash and kind of one file as last seen. */
    record Fingerprint(long size, long mtimeMillis, String sha256, Kind kind) {
        /** The same file seen as another kind. */
        Fingerprint as(Kind newKind) {
            return new Fingerprint(size, mtimeMillis, sha256, newKind);
        }

        /** True if {@code size} and {@code mtime} match, which we trust as "not rewritten" like make does. */
        boolean sameStat(long otherSize, long otherMtime) {
            return size == otherSize && mtimeMillis == otherMtime;
        }
    }

    private final Map<String, Fingerprint> entries;
    /** True if this state was read from a well-formed state file. */
    private final boolean fromFile;

    private IncrementalState(Map<String, Fingerprint> entries, boolean fromFile) {
        this.entries = entries;
        this.fromFile = fromFile;
    }

    /** An empty state: every file counts as new. */
    static IncrementalState empty() {
        return new IncrementalState(new HashMap<>(), false);
    }

    /**
     * Reads the state file. A missing, unreadable or foreign file gives an empty state: the worst case is one
     * run that re-reads every class, which is always correct because transforming is idempotent.
     */
    static IncrementalState load(Path stateFile) {
        if (stateFile == null || !Files.isRegularFile(stateFile)) {
            return empty();
        }
        try {
            List<String> lines = Files.readAllLines(stateFile, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                return empty();
            }
            Map<String, Fingerprint> entries = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] right = line.split("\t");
                if (right.length < 5) {
                    return empty();
                }
                int n = right.length;
                String path = line.substring(0, line.length() - (right[n - 4].length() + right[n - 3].length()
                        + right[n - 2].length() + right[n - 1].length() + 4));
                entries.put(path, new Fingerprint(Long.parseLong(right[n - 4]), Long.parseLong(right[n - 3]),
                        right[n - 2], Kind.of(right[n - 1])));
            }
            return new IncrementalState(entries, true);
        } catch (IOException | RuntimeException e) {
            return empty();
        }
    }

    /** The fingerprint last recorded for {@code file}, or {@code null}. */
    Fingerprint get(Path file) {
        return entries.get(key(file));
    }

    /**
     * True if this state came from a state file and records exactly {@code recorded}: saving it again would
     * write the same bytes, so a rebuild with nothing changed can leave the file alone.
     */
    boolean sameAs(Map<Path, Fingerprint> recorded) {
        if (!fromFile || recorded.size() != entries.size()) {
            return false;
        }
        for (Map.Entry<Path, Fingerprint> e : recorded.entrySet()) {
            if (!e.getValue().equals(entries.get(key(e.getKey())))) {
                return false;
            }
        }
        return true;
    }

    /** Writes {@code recorded} as the new state, atomically. Does nothing without a state file. */
    static void save(Path stateFile, Map<Path, Fingerprint> recorded) throws IOException {
        if (stateFile == null) {
            return;
        }
        Map<String, Fingerprint> sorted = new TreeMap<>();
        recorded.forEach((file, fp) -> sorted.put(key(file), fp));
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        sorted.forEach((path, fp) -> sb.append(path).append('\t').append(fp.size()).append('\t')
                .append(fp.mtimeMillis()).append('\t').append(fp.sha256()).append('\t').append(fp.kind().word())
                .append('\n'));
        AtomicFiles.write(stateFile, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }
}
