package dev.lasti.http;

import dev.lasti.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Routes requests by method and path pattern to handlers, like Tornado's
 * {@code Application([(r"/", MainHandler), (r"/story/([0-9]+)", StoryHandler)])}:
 *
 * <pre>{@code
 * HttpHandler app = new Router()
 *         .get("/", request -> Future.completed(HttpResponse.ok("home")))
 *         .get("/users/{id}", request -> user(request.pathParameter("id").orElseThrow()))
 *         .post("/users", Users::create);
 * HttpServer.bind(8888, app);
 * }</pre>
 *
 * A pattern is a path whose segments are literal or {@code {name}}, which matches one non-empty segment
 * (percent-decoded into {@link HttpRequest#pathParameter}). Routes are tried in the order they were added.
 * A path that no pattern matches gets a 404; a path that matches only for other methods gets a 405 with
 * {@code Allow}. {@code HEAD} is served by the {@code GET} route (the server drops the body). Both go
 * through the server's {@link ErrorPage}. Add every route before the router serves; it is not changed after.
 */
public final class Router implements HttpHandler {
    private final List<Route> routes = new ArrayList<>();

    /** One route: the method, the pattern split into segments, the handler. */
    private record Route(String method, String[] segments, HttpHandler handler) {
        /** The parameters if {@code path} matches, otherwise {@code null}. */
        Map<String, String> match(String[] path) {
            if (path.length != segments.length) {
                return null;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < path.length; i++) {
                String s = segments[i];
                if (s.startsWith("{") && s.endsWith("}")) {
                    if (path[i].isEmpty()) {
                        return null;
                    }
                    parameters.put(s.substring(1, s.length() - 1), decodePath(path[i]));
                } else if (!s.equals(path[i])) {
                    return null;
                }
            }
            return parameters;
        }
    }

    /** Creates a router without routes. */
    public Router() {}

    /** Routes {@code method} requests whose path matches {@code pattern} to {@code handler}. */
    public Router route(String method, String pattern, HttpHandler handler) {
        if (!HttpHeaders.isToken(method)) {
            throw new IllegalArgumentException("not a method: " + method);
        }
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a pattern starts with /: " + pattern);
        }
        routes.add(new Route(method, split(pattern), handler));
        return this;
    }

    /** Routes GET (and so HEAD) requests. */
    public Router get(String pattern, HttpHandler handler) {
        return route("GET", pattern, handler);
    }

    /** Routes POST requests. */
    public Router post(String pattern, HttpHandler handler) {
        return route("POST", pattern, handler);
    }

    /** Routes PUT requests. */
    public Router put(String pattern, HttpHandler handler) {
        return route("PUT", pattern, handler);
    }

    /** Routes DELETE requests. */
    public Router delete(String pattern, HttpHandler handler) {
        return route("DELETE", pattern, handler);
    }

    /** Asks the handler that will serve {@code request}. */
    @Override
    public boolean streamsRequestBody(HttpRequest request) {
        String[] path = split(request.path());
        String method = request.method().equals("HEAD") ? "GET" : request.method();
        for (Route route : routes) {
            if (route.method.equals(method) && route.match(path) != null) {
                return route.handler.streamsRequestBody(request);
            }
        }
        return false;
    }

    @Override
    public Future<HttpResponse> handle(HttpRequest request) {
        String[] path = split(request.path());
        String method = request.method();
        Set<String> allowed = new TreeSet<>();
        Route headFallback = null;
        Map<String, String> headParameters = null;
        for (Route route : routes) {
            Map<String, String> parameters = route.match(path);
            if (parameters == null) {
                continue;
            }
            if (route.method.equals(method)) {
                return route.handler.handle(request.withPathParameters(parameters));
            }
            if (method.equals("HEAD") && route.method.equals("GET") && headFallback == null) {
                headFallback = route;
                headParameters = parameters;
            }
            allowed.add(route.method);
        }
        if (headFallback != null) {
            return headFallback.handler.handle(request.withPathParameters(headParameters));
        }
        if (allowed.isEmpty()) {
            throw new HttpException(404, "no route for " + request.path());
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        throw new HttpException(405, method + " is not routed for " + request.path(), String.join(", ", allowed));
    }

    private static String[] split(String path) {
        return path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
    }

    /** Percent-decoding for a path segment, where {@code +} is a plus, not a space. */
    private static String decodePath(String segment) {
        return HttpRequest.decode(segment.replace("+", "%2B"));
    }
}
