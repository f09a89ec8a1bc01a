package dev.lasti.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The access log: one INFO line per request on dev.lasti.http.access when asked for, none by default. */
class AccessLogTest {
    @Test
    void oneLinePerRequest_onlyWhenTurnedOn() throws Exception {
        // System.Logger goes to java.util.logging here (no other backend on the test classpath)
        Logger jul = Logger.getLogger("dev.lasti.http.access");
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        jul.addHandler(capture);
        jul.setLevel(Level.ALL);
        try {
            try (TestServer server = new TestServer()) {
                server.goodGet();
            }
            assertEquals(List.of(), lines, "off by default");
            try (TestServer server = new TestServer(HttpServerOptions.defaults().withAccessLog(true))) {
                server.goodGet();
            }
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).matches("/127\\.0\\.0\\.1:\\d+ \"GET /good HTTP/1\\.1\" 200 \\d+ bytes [0-9.]+ ms"),
                    lines.get(0));
        } finally {
            jul.removeHandler(capture);
        }
    }
}
