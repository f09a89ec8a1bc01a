package ${package};

import static dev.lasti.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.http.HttpServer;
import dev.lasti.junit.AsyncTest;
import dev.lasti.net.TcpStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

class AppTest {

    /** Virtual time (the default): the tenth of a second passes without a real wait. */
    @AsyncTest
    @Async
    Future<Void> greetTakesATenthOfASecond() {
        long start = EventLoop.current().nanoTime();
        assertEquals("Hello, lasti!", await(App.greet("lasti")));
        assertEquals(Duration.ofMillis(100).toNanos(), EventLoop.current().nanoTime() - start);
        return Future.completed(null);
    }

    /** Real sockets wait for real, so this one runs on the system clock. */
    @AsyncTest(realTime = true)
    @Async
    Future<Void> answersHelloOverHttp() {
        HttpServer server = HttpServer.bind(0, App::hello);
        TcpStream client = await(TcpStream.connect(server.localAddress(), Duration.ofSeconds(5)));
        await(client.write("GET /hello?name=you HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        for (byte[] chunk = await(client.read(4096)); chunk.length > 0; chunk = await(client.read(4096))) {
            response.writeBytes(chunk);
        }
        client.close();
        await(server.closeGracefully(Duration.ofSeconds(1)));
        String text = response.toString(StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("HTTP/1.1 200"), text);
        assertTrue(text.endsWith("\r\n\r\nHello, you!\n"), text);
        return Future.completed(null);
    }
}
