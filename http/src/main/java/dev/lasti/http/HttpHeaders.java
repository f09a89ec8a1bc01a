package dev.lasti.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

    private final Map<String, List<String>> fields;
    private final boolean readOnly;

    /** Creates an empty set of headers. */
    public HttpHeaders() {
        this(new TreeMap<>(String.CASE_INSENSITIVE_ORDER), false);
    }

    private HttpHeaders(Map<String, List<String>> fields, boolean readOnly) {
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
     * Replaces all values of {@code name} with {@code value}.
     *
     * @throws IllegalArgumentException if the name is not a token or the value not field content
     */
    public HttpHeaders set(String name, String value) {
        checkWritable();
        List<String> one = new ArrayList<>(1);
        one.add(checkValue(checkName(name), value));
        fields.put(name, one);
        return this;
    }

    /** Removes every value of {@code name}. */
    public HttpHeaders remove(String name) {
        checkWritable();
        fields.remove(name);
        return this;
    }

    /** For the request parser, which has checked the field already. */
    void addTrusted(String name, String value) {
        fields.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }

    /** The first value of {@code name}, if any. */
    public Optional<String> first(String name) {
        List<String> values = fields.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of {@code name}, in order; empty if there is none. */
    public List<String> all(String name) {
        return Collections.unmodifiableList(fields.getOrDefault(name, List.of()));
    }

    /** Returns {@code true} if {@code name} has at least one value. */
    public boolean contains(String name) {
        return fields.containsKey(name);
    }

    /**
     * Returns {@code true} if a comma-separated value of {@code name} lists {@code token}, ignoring case,
     * as in {@code Connection: keep-alive, Upgrade}.
     */
    public boolean hasToken(String name, String token) {
        for (String value : all(name)) {
            for (String t : value.split(",")) {
                if (t.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The header names, sorted case-insensitively; each name once. */
    public List<String> names() {
        return List.copyOf(fields.keySet());
    }

    /** Returns {@code true} if {@link #add}, {@link #set} and {@link #remove} throw. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** A deep copy, writable or not. */
    HttpHeaders copy(boolean readOnly) {
        Map<String, List<String>> c = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.forEach((name, values) -> c.put(name, new ArrayList<>(values)));
        return new HttpHeaders(c, readOnly);
    }

    /** A read-only view of these fields, for a copy that nobody else holds. */
    HttpHeaders frozen() {
        return new HttpHeaders(fields, true);
    }

    /**
     * Appends the fields as {@code Name: value\r\n} lines, except the message-framing ones
     * ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}) and {@code Date}, which the
     * server writes itself.
     */
    void appendAllButFraming(StringBuilder out) {
        fields.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")
                    && !name.equalsIgnoreCase("Connection")) {
                values.forEach(v -> out.append(name).append(": ").append(v).append("\r\n"));
            }
        });
    }

    /** Returns {@code true} if {@code s} is a non-empty RFC 9110 token. */
    static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!alnum && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return !s.isEmpty();
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

    @Override
    public String toString() {
        return fields.toString().toLowerCase(Locale.ROOT);
    }
}
