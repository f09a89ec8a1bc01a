package dev.lasti.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * HTTP header fields: names are case-insensitive, a name may repeat, and the values of one name keep their
 * order (Tornado's {@code HTTPHeaders}). Not thread-safe; used on the loop thread.
 *
 * <p>Every name must be a token and every value field content (RFC 9110 5.1, 5.5): visible ASCII, spaces
 * and tabs inside, Latin-1 obs-text; no CR, LF, NUL or other control characters, no leading or trailing
 * whitespace. {@link #add} and {@link #set} throw {@link IllegalArgumentException} for anything else, so no
 * header can smuggle another line onto the wire. The headers of an {@link HttpResponse} are read-only.
 */
public final class HttpHeaders {
    /** RFC 9110 tchar besides letters and digits. */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";
    /** Whether each ASCII char is a tchar: a lookup per char of every field name the server parses. */
    private static final boolean[] TOKEN_CHARS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            TOKEN_CHARS[c] = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || TOKEN_SYMBOLS.indexOf(c) >= 0;
        }
    }

    /** One header line: a name as it was given, and one value. */
    private record Field(String name, String value) {
        boolean is(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    /**
     * The fields in the order they were added. A request has a dozen or so, and every lookup is by a name
     * the server or the handler knows, so a scan is cheaper than a case-insensitive map (a {@code TreeMap}
     * with its comparator was a tenth of the server's own time per request). Adding is never worse than
     * constant time, so a head of many small fields cannot make the parse quadratic.
     */
    private final List<Field> fields;
    private final boolean readOnly;
    /**
     * The lines {@link #appendAllButFraming} writes, kept once computed, for read-only headers only (a
     * response's, often shared by every request that returns it). The record's final field publishes the
     * bytes safely to other loop threads that read it through a race; at worst each computes its own.
     */
    private Encoded encoded;

    /** The encoded lines of read-only headers. */
    private record Encoded(byte[] lines) {}

    /** Creates an empty set of headers. */
    public HttpHeaders() {
        this(new ArrayList<>(8), false);
    }

    private HttpHeaders(List<Field> fields, boolean readOnly) {
        this.fields = fields;
        this.readOnly = readOnly;
    }

    /**
     * Adds a value for {@code name}, after any values it already has.
     *
     * @throws IllegalArgumentException if the name is not a token or the value not field content
     */
    public HttpHeaders add(String name, String value) {
        checkWritable();
        addTrusted(checkName(name), checkValue(name, value));
        return this;
    }

    /**
     * Replaces all values of {@code name} with {@code value}, which goes after the other names' fields.
     *
     * @throws IllegalArgumentException if the name is not a token or the value not field content
     */
    public HttpHeaders set(String name, String value) {
        checkWritable();
        Field field = new Field(checkName(name), checkValue(name, value));
        fields.removeIf(f -> f.is(name));
        fields.add(field);
        return this;
    }

    /** Removes every value of {@code name}. */
    public HttpHeaders remove(String name) {
        checkWritable();
        fields.removeIf(f -> f.is(name));
        return this;
    }

    /** For the request parser, which has checked the field already. */
    void addTrusted(String name, String value) {
        fields.add(new Field(name, value));
    }

    /** The first value of {@code name}, if any. */
    public Optional<String> first(String name) {
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.is(name)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    /** Every value of {@code name}, in order; empty if there is none. */
    public List<String> all(String name) {
        List<String> values = null;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.is(name)) {
                if (values == null) {
                    values = new ArrayList<>(1);
                }
                values.add(f.value());
            }
        }
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    /** How many values {@code name} has. */
    int count(String name) {
        int n = 0;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).is(name)) {
                n++;
            }
        }
        return n;
    }

    /** Returns {@code true} if {@code name} has at least one value. */
    public boolean contains(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).is(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns {@code true} if a comma-separated value of {@code name} lists {@code token}, ignoring case,
     * as in {@code Connection: keep-alive, Upgrade}.
     */
    public boolean hasToken(String name, String token) {
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.is(name) && listsToken(f.value(), token)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the comma-separated {@code value} has {@code token} as one of its items, ignoring case. */
    private static boolean listsToken(String value, String token) {
        int from = 0;
        while (from <= value.length()) {
            int comma = value.indexOf(',', from);
            int to = comma < 0 ? value.length() : comma;
            int a = from;
            int b = to;
            while (a < b && value.charAt(a) <= ' ') {
                a++;
            }
            while (b > a && value.charAt(b - 1) <= ' ') {
                b--;
            }
            if (b - a == token.length() && value.regionMatches(true, a, token, 0, token.length())) {
                return true;
            }
            from = to + 1;
        }
        return false;
    }

    /** The header names, sorted case-insensitively; each name once, as it was first given. */
    public List<String> names() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        fields.forEach(f -> names.add(f.name()));
        return List.copyOf(names);
    }

    /** Returns {@code true} if {@link #add}, {@link #set} and {@link #remove} throw. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** A copy, writable or not (the fields themselves are immutable). */
    HttpHeaders copy(boolean readOnly) {
        return new HttpHeaders(new ArrayList<>(fields), readOnly);
    }

    /** A read-only view of these fields, for a copy that nobody else holds. */
    HttpHeaders frozen() {
        return new HttpHeaders(fields, true);
    }

    /**
     * Appends the fields as {@code Name: value\r\n} lines, in the order they were added, except the
     * message-framing ones ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}), which
     * the server writes itself.
     */
    void appendAllButFraming(HeadBuilder out) {
        if (!readOnly) {
            encodeAllButFraming(out);
            return;
        }
        Encoded e = encoded;
        if (e == null) {
            HeadBuilder lines = new HeadBuilder();
            encodeAllButFraming(lines);
            e = new Encoded(lines.toBytes(new byte[0]));
            encoded = e;
        }
        out.append(e.lines());
    }

    private void encodeAllButFraming(HeadBuilder out) {
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (!f.is("Content-Length") && !f.is("Transfer-Encoding") && !f.is("Connection")) {
                out.append(f.name()).append(": ").append(f.value()).crlf();
            }
        }
    }

    /** Returns {@code true} if {@code s} is a non-empty RFC 9110 token. */
    static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** Whether {@code c} is an RFC 9110 tchar. */
    static boolean isTokenChar(char c) {
        return c < 128 && TOKEN_CHARS[c];
    }

    private void checkWritable() {
        if (readOnly) {
            throw new UnsupportedOperationException(
                    "these headers are read-only; use HttpResponse.header(name, value), which returns a copy");
        }
    }

    private static String checkName(String name) {
        if (!isToken(name)) {
            throw new IllegalArgumentException("a header name must be a token (letters, digits, "
                    + TOKEN_SYMBOLS + "), not \"" + escape(name) + "\"");
        }
        return name;
    }

    private static String checkValue(String name, String value) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean blank = c == ' ' || c == '\t';
            boolean visible = (c >= 0x21 && c <= 0x7e) || (c >= 0x80 && c <= 0xff);
            if (!(visible || (blank && i > 0 && i < n - 1))) {
                throw new IllegalArgumentException("the value of header " + name + " must be field content"
                        + " (visible ASCII or Latin-1, inner spaces and tabs; no CR, LF or controls), not \""
                        + escape(value) + "\"");
            }
        }
        return value;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return out.toString();
    }

    /** The fields as {@code {name=[value, ...], ...}}, names lower-cased and sorted. */
    @Override
    public String toString() {
        Map<String, List<String>> byName = new TreeMap<>();
        fields.forEach(f -> byName.computeIfAbsent(f.name().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .add(f.value()));
        return byName.toString();
    }
}
