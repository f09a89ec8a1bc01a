package dev.lasti.samples;

import static dev.lasti.Await.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.TaskGroup;
import dev.lasti.TaskHook;
import dev.lasti.TaskLocal;
import dev.lasti.http.HttpRequest;
import dev.lasti.http.HttpResponse;
import dev.lasti.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A request id that follows a handler through its awaits into the log: the id lives in a {@link
 * TaskLocal}, and a {@link TaskHook} copies it into SLF4J's {@link MDC} whenever a task resumes, so a
 * logback pattern's {@code %X{request}} names the right request on every line, even with two requests
 * interleaved on the one loop thread. Put the id in the MDC directly instead (a {@code ThreadLocal}) and
 * the slower request's lines carry the faster one's id: "alice sees bob".
 */
public final class RequestIds {
    static final TaskLocal<String> REQUEST_ID = TaskLocal.named("request-id");
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("dev.lasti.samples.requests");

    /** The bridge: lasti knows nothing of SLF4J; these two methods are all it takes. */
    static final TaskHook MDC_BRIDGE = new TaskHook() {
        @Override
        public void resumed() {
            String id = REQUEST_ID.get();
            if (id != null) {
                MDC.put("request", id);
            } else {
                MDC.remove("request");
            }
        }

        @Override
        public void suspended() {
            MDC.remove("request");
        }
    };

    private RequestIds() {}

    /** The handler: binds the request's id for everything {@link #serve} does, before and after its awaits. */
    static Future<HttpResponse> handle(HttpRequest request) {
        String id = request.headers().first("X-Request-Id").orElse("-");
        return REQUEST_ID.with(id, () -> serve(request));
    }

    /** Logs before, between and after two awaits; {@code ?slow} makes the second one longer. */
    @Async
    static Future<HttpResponse> serve(HttpRequest request) {
        Duration step = request.target().contains("slow") ? Duration.ofMillis(150) : Duration.ofMillis(50);
        LOG.info("start {}", request.target());
        await(EventLoop.sleep(step)); // stands for a database query
        LOG.info("queried");
        await(EventLoop.sleep(step)); // and a call to another service
        LOG.info("done");
        return Future.completed(HttpResponse.ok("served " + REQUEST_ID.get() + "\n"));
    }

    /** Two requests at once with ids alice (slow) and bob; returns the log lines as "id | message". */
    @Async
    static Future<Void> twoRequests(HttpServer server) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI base = URI.create("http://127.0.0.1:" + server.port() + "/");
        try {
            await(TaskGroup.run(g -> {
                g.start(() -> get(client, base.resolve("/orders?slow"), "alice"));
                g.start(() -> get(client, base.resolve("/orders"), "bob"));
                return Future.completed(null);
            }));
        } finally {
            await(server.closeGracefully(Duration.ofSeconds(1)));
        }
        return Future.completed(null);
    }

    @Async
    static Future<String> get(HttpClient client, URI uri, String id) {
        java.net.http.HttpResponse<String> r = await(client.sendAsync(
                java.net.http.HttpRequest.newBuilder(uri).header("X-Request-Id", id).build(), BodyHandlers.ofString()));
        return Future.completed(r.body());
    }

    /** Runs the two requests on a loop with the bridge, and returns the log lines logback recorded. */
    static List<String> logLines() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.lasti.samples.requests");
        Recorder recorder = new Recorder();
        recorder.setContext(logger.getLoggerContext());
        recorder.start();
        logger.addAppender(recorder);
        logger.setAdditive(false); // the tour prints the lines itself
        try {
            EventLoop.builder().taskHook(MDC_BRIDGE).build().runUntilComplete(() -> {
                HttpServer server = HttpServer.bind("127.0.0.1", 0, RequestIds::handle);
                return twoRequests(server);
            });
        } finally {
            logger.detachAppender(recorder);
            recorder.stop();
        }
        return List.copyOf(recorder.lines);
    }

    /** A logback appender that keeps each event as "MDC request | message", read on the logging thread. */
    private static final class Recorder extends AppenderBase<ILoggingEvent> {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void append(ILoggingEvent e) {
            lines.add(e.getMDCPropertyMap().getOrDefault("request", "(none)") + " | " + e.getFormattedMessage());
        }
    }

    static String run() {
        return "two interleaved requests, each log line's MDC id from the TaskLocal: " + String.join("; ", logLines());
    }
}
