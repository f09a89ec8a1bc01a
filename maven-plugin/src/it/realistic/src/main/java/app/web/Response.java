package app.web;

/** A record without @Async. */
public record Response(int status, String body) {}
