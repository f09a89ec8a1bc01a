package dev.lasti.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Future;
import org.junit.jupiter.api.Test;

/** Method and path routing over a real server: parameters, 404, 405 with Allow, HEAD by the GET route. */
class RouterTest {
    private static Router app() {
        return new Router()
                .get("/", request -> Future.completed(HttpResponse.ok("home")))
                .get("/users/{id}", request -> Future.completed(HttpResponse.ok("user " + request.pathParameter("id").orElseThrow())))
                .post("/users", request -> Future.completed(HttpResponse.status(201).body("created " + request.formParameter("name").orElse("?"))))
                .delete("/users/{id}", request -> Future.completed(HttpResponse.status(204)));
    }

    @Test
    void routesByMethodAndPattern_withDecodedParameters() throws Exception {
        try (TestServer server = new TestServer(HttpServerOptions.defaults(), app())) {
            assertTrue(get(server, "GET", "/").endsWith("home"));
            assertTrue(get(server, "GET", "/users/a%20b+c").endsWith("user a b+c"));
            String created = server.exchange("POST /users HTTP/1.1\r\nHost: t\r\nConnection: close\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 8\r\n\r\nname=Ada");
            assertTrue(created.startsWith("HTTP/1.1 201 ") && created.endsWith("created Ada"), created);
            assertTrue(get(server, "DELETE", "/users/7").startsWith("HTTP/1.1 204 "));
        }
    }

    @Test
    void unknownPath_gets404_andOtherMethod_gets405WithAllow() throws Exception {
        try (TestServer server = new TestServer(HttpServerOptions.defaults(), app())) {
            assertTrue(get(server, "GET", "/nowhere").startsWith("HTTP/1.1 404 Not Found\r\n"));
            assertTrue(get(server, "GET", "/users/").startsWith("HTTP/1.1 404 "), "an empty segment is no parameter");
            String wrong = get(server, "PUT", "/users/7");
            assertTrue(wrong.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), wrong);
            assertTrue(wrong.contains("\r\nAllow: DELETE, GET, HEAD\r\n"), wrong);
        }
    }

    @Test
    void head_isServedByTheGetRoute_withoutTheBody() throws Exception {
        try (TestServer server = new TestServer(HttpServerOptions.defaults(), app())) {
            String head = get(server, "HEAD", "/users/7");
            assertTrue(head.startsWith("HTTP/1.1 200 ") && head.contains("\r\nContent-Length: 6\r\n"), head);
            assertTrue(head.endsWith("\r\n\r\n"), head);
        }
    }

    @Test
    void errorPage_rendersTheRoutersStatuses() throws Exception {
        HttpServerOptions options = HttpServerOptions.defaults()
                .withErrorPage((status, request, failure) -> HttpResponse.status(status).body("page " + status));
        try (TestServer server = new TestServer(options, app())) {
            assertTrue(get(server, "GET", "/x").endsWith("page 404"));
            String wrong = get(server, "PUT", "/");
            assertTrue(wrong.contains("\r\nAllow: GET, HEAD\r\n") && wrong.endsWith("page 405"), wrong);
        }
    }

    private static String get(TestServer server, String method, String path) throws Exception {
        return server.exchange(method + " " + path + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    }
}
