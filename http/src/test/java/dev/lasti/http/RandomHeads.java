package dev.lasti.http;

import java.util.Random;

/**
 * Random request heads for the parser and framer tests: mostly well-formed, with the faults a client or an
 * attacker sends mixed in (bare CR and LF, NUL and other controls, folded lines, a space before a colon,
 * odd versions and targets, leading empty lines, Latin-1 bytes).
 */
final class RandomHeads {
    private static final String[] METHODS = {"GET", "POST", "HEAD", "PATCH", "G(T", "", "get"};
    private static final String[] TARGETS = {"/", "/a?b=c", "*", "http://h/x", "relative", "/\u00e9", "/a b", ""};
    private static final String[] VERSIONS = {"HTTP/1.1", "HTTP/1.0", "HTTP/3.0", "HTTP/1", "HTTPS/1.1", "http/1.1"};
    private static final String[] NAMES = {"Host", "host", "X-A", "Content-Length", "Connection", "A b", "", "x:"};
    private static final String VALUE_CHARS = "abc 019,;\t\u00e9\u00ff:\u0000\u0001\u000b\u001c\u007f\r\n";
    private static final String[] ENDS = {"\r\n", "\r\n", "\r\n", "\r\n", "\r\n", "\r\n", "\n", "\r"};

    private RandomHeads() {}

    /** A head of a request line and up to five fields, ending in an empty line unless {@code open}. */
    static String next(Random random, boolean open) {
        StringBuilder head = new StringBuilder();
        for (int i = random.nextInt(8) == 0 ? random.nextInt(3) : 0; i > 0; i--) {
            head.append("\r\n");
        }
        head.append(pick(random, METHODS)).append(random.nextInt(12) == 0 ? "  " : " ")
                .append(pick(random, TARGETS)).append(' ').append(pick(random, VERSIONS))
                .append(pick(random, ENDS));
        for (int i = random.nextInt(6); i > 0; i--) {
            if (random.nextInt(15) == 0) {
                head.append(' '); // obs-fold
            }
            head.append(pick(random, NAMES)).append(random.nextInt(15) == 0 ? " :" : ":");
            for (int n = random.nextInt(8); n > 0; n--) {
                char c = random.nextInt(4) == 0 ? VALUE_CHARS.charAt(random.nextInt(VALUE_CHARS.length()))
                        : (char) ('a' + random.nextInt(26));
                head.append(c);
            }
            head.append(pick(random, ENDS));
        }
        if (!open) {
            head.append(random.nextInt(10) == 0 ? pick(random, ENDS) : "\r\n");
        }
        return head.toString();
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
