package dev.lasti.net;

import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/** The engines of TLS streams and servers: client ones verify the host name, and both ask for TLS 1.2+. */
final class Tls {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private Tls() {}

    /** A client engine that sends {@code hostName} for SNI and checks the certificate against it. */
    static SSLEngine clientEngine(SSLContext context, String hostName, int port) {
        SSLEngine engine = context.createSSLEngine(hostName, port);
        engine.setUseClientMode(true);
        SSLParameters p = engine.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isIpLiteral(hostName)) { // the JDK sends no SNI for a name without a dot, such as localhost
            p.setServerNames(List.of(new SNIHostName(hostName)));
        }
        p.setProtocols(supported(engine));
        engine.setSSLParameters(p);
        return engine;
    }

    /** A server engine of {@code context}; client certificates are not asked for. */
    static SSLEngine serverEngine(SSLContext context) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters p = engine.getSSLParameters();
        p.setProtocols(supported(engine));
        engine.setSSLParameters(p);
        return engine;
    }

    /** TLS 1.3 and 1.2, of those the engine supports (older protocols are off). */
    private static String[] supported(SSLEngine engine) {
        List<String> available = List.of(engine.getSupportedProtocols());
        return List.of(PROTOCOLS).stream().filter(available::contains).toArray(String[]::new);
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
