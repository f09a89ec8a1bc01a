package ${package};

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.http.HttpRequest;
import dev.lasti.http.HttpResponse;
import dev.lasti.http.HttpServer;
import java.time.Duration;

/**
 * An HTTP hello server on lasti's event loop. Run it with {@code mvn -q process-classes exec:java -Dexec.mainClass=${package}.App},
 * then {@code curl 'http://127.0.0.1:8080/hello?name=you'}.
 */
public final class App {
    private App() {}

    /** Starts the loop and runs the async entry point on it until the process stops. */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        EventLoop.run(() -> serve(port));
    }

    /** The async main: binds the server, then waits forever while the loop serves requests. */
    @Async
    static Future<Void> serve(int port) {
        HttpServer server = HttpServer.bind(port, App::hello);
        System.out.println("listening on http://127.0.0.1:" + server.port() + "/hello?name=you");
        await(new Promise<Void>()); // nobody completes it: serve until the process stops
        return Future.completed(null);
    }

    /** The HTTP handler: {@code GET /hello?name=you} answers {@code Hello, you!}. */
    @Async
    static Future<HttpResponse> hello(HttpRequest request) {
        String name = request.queryParameter("name").orElse("world");
        String greeting = await(greet(name));
        return Future.completed(HttpResponse.ok(greeting + "\n"));
    }

    /** Takes a tenth of a second, as a call to a slow service would; other requests go on meanwhile. */
    @Async
    static Future<String> greet(String name) {
        await(EventLoop.sleep(Duration.ofMillis(100)));
        return Future.completed("Hello, " + name + "!");
    }
}
