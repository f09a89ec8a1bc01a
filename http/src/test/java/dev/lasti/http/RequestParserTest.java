package dev.lasti.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RequestParserTest {
    private static RequestHead parse(String head) throws HttpError {
        return RequestParser.parse(head.getBytes(ISO_8859_1));
    }

    private static int status(String head) {
        return assertThrows(HttpError.class, () -> parse(head)).status;
    }

    @Test
    void parsesRequestLineAndRepeatedHeaders() throws Exception {
        RequestHead head = parse("POST /a?b=c HTTP/1.0\r\nX-A: 1\r\nx-a:  2 \r\n\r\n");
        assertEquals("POST", head.method());
        assertEquals("/a?b=c", head.target());
        assertEquals("HTTP/1.0", head.version());
        assertEquals(java.util.List.of("1", "2"), head.headers().all("X-A"));
    }

    @Test
    void skipsEmptyLinesBeforeTheRequestLine() throws Exception {
        assertEquals("/", parse("\r\n\r\nGET / HTTP/1.1\r\n\r\n").target());
    }

    @Test
    void refusesAHeadOfEmptyLinesOnly() {
        assertEquals(400, status("\r\n\r\n\r\n"));
        assertEquals(400, status("\r\n\r\n"));
    }

    @Test
    void refusesMalformedInput_with400_andOtherVersions_with505() {
        assertEquals(400, status("GET  / HTTP/1.1\r\n\r\n"));
        assertEquals(400, status("GET relative HTTP/1.1\r\n\r\n"));
        assertEquals(400, status("G(T / HTTP/1.1\r\n\r\n"));
        assertEquals(400, status("GET / HTTP/1.1\r\nA: b\u0001c\r\n\r\n"));
        assertEquals(400, status("GET / HTTP/1.1\r\nA: b\rc\r\n\r\n"));
        assertEquals(400, status("GET / HTTP/1\r\n\r\n"));
        assertEquals(505, status("GET / HTTP/3.0\r\n\r\n"));
    }
}
