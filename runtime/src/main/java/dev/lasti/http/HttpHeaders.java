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
 */
public final class HttpHeaders {
    private final Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** Creates an empty set of headers. */
    public HttpHeaders() {}

    /** Adds a value for {@code name}, after any values it already has. */
    public HttpHeaders add(String name, String value) {
        fields.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
        return this;
    }

    /** Replaces all values of {@code name} with {@code value}. */
    public HttpHeaders set(String name, String value) {
        List<String> one = new ArrayList<>(1);
        one.add(value);
        fields.put(name, one);
        return this;
    }

    /** Removes every value of {@code name}. */
    public HttpHeaders remove(String name) {
        fields.remove(name);
        return this;
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

    /**
     * Appends the fields as {@code Name: value\r\n} lines, except the message-framing ones
     * ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}), which the server writes itself.
     */
    void appendAllButFraming(StringBuilder out) {
        fields.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")
                    && !name.equalsIgnoreCase("Connection")) {
                values.forEach(v -> out.append(name).append(": ").append(v).append("\r\n"));
            }
        });
    }

    @Override
    public String toString() {
        return fields.toString().toLowerCase(Locale.ROOT);
    }
}
