package dev.lasti.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The web-app sample's self-check: every kind of route answers as the sample says. */
class WebAppTest {
    @Test
    void eachRouteAnswers() {
        assertEquals("POST /greet: \"Hello, Ada\"; streamed /count: 1 2 3 4 5 6 7 8 9 10; PUT /upload of 1 MiB:"
                + " \"received 1048576 bytes\"; /nope: 404", WebApp.run());
    }
}
