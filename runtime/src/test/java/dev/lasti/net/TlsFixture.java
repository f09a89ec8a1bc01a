package dev.lasti.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made for the tests by the running JDK's {@code keytool}, in a temporary
 * directory: {@link #LOCALHOST} names localhost and 127.0.0.1; {@link #OTHER} is a second, unrelated
 * one for the tests of certificates that must not verify.
 */
public final class TlsFixture {
    /** A certificate for {@code localhost} and 127.0.0.1. */
    public static final TlsFixture LOCALHOST = make("lasti-localhost", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
    static final TlsFixture OTHER = make("lasti-other", "CN=other.invalid", "SAN=dns:other.invalid");
    private static final char[] PASSWORD = "changeit".toCharArray();

    final Path keyStore;
    final Path certPem;

    private TlsFixture(Path keyStore, Path certPem) {
        this.keyStore = keyStore;
        this.certPem = certPem;
    }

    /** A server context with this certificate and its key. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(), PASSWORD);
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf.getKeyManagers(), null, null);
            return c;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts this certificate only. */
    public SSLContext clientContext() {
        return clientContext("TLS");
    }

    SSLContext clientContext(String protocol) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            Certificate cert = load().getCertificate("lasti");
            trust.setCertificateEntry("lasti", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext c = SSLContext.getInstance(protocol);
            c.init(null, tmf.getTrustManagers(), null);
            return c;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyStore load() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    private static TlsFixture make(String name, String dname, String san) {
        try {
            Path dir = Files.createTempDirectory(name);
            dir.toFile().deleteOnExit();
            Path ks = dir.resolve("keystore.p12");
            Path pem = dir.resolve("cert.pem");
            keytool("-genkeypair", "-alias", "lasti", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", dname, "-ext", san, "-validity", "2", "-keystore", ks.toString(),
                    "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
            keytool("-exportcert", "-rfc", "-alias", "lasti", "-keystore", ks.toString(),
                    "-storepass", "changeit", "-file", pem.toString());
            ks.toFile().deleteOnExit();
            pem.toFile().deleteOnExit();
            return new TlsFixture(ks, pem);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> command = new java.util.ArrayList<>(List.of(keytool));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
        }
    }
}
