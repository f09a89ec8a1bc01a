package dev.lasti.http;

/** A parsed request line and header section, before the body is read. */
record RequestHead(String method, String target, String version, HttpHeaders headers) {
    boolean isHttp10() {
        return version.equals("HTTP/1.0");
    }
}
