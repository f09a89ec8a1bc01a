package app.web;

import java.util.Map;

/** A record without @Async. */
public record Request(String path, Map<String, String> query) {
    public String param(String name, String fallback) {
        return query.getOrDefault(name, fallback);
    }
}
