package app.web;

import dev.lasti.Future;

/** A functional interface the routes implement with async lambdas, method references and classes. */
@FunctionalInterface
public interface Handler {
    Future<Response> handle(Request request);
}
