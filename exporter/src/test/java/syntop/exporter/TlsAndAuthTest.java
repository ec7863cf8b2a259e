package syntop.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import syntop.collectors.model.OsFamily;

/** TLS from PEM files and basic authentication with bcrypt hashes, configured as exporter-toolkit does. */
class TlsAndAuthTest {
    @TempDir
    static Path dir;
    static Path certPem;
    static Path keyPem;
    static Path rsaKeyPem;
    static Path otherKeyPem;
    static KeyStore trust;
    static final PrometheusRegistry REGISTRY = FixtureSnapshots.state(OsFamily.LINUX, 100).registry();

    @BeforeAll
    static void makeKeys() throws Exception {
        KeyStore ks = keyPair("server");
        PrivateKey key = (PrivateKey) ks.getKey("server", "changeit".toCharArray());
        Certificate cert = ks.getCertificate("server");
        certPem = write("server.crt", pem("CERTIFICATE", cert.getEncoded()));
        keyPem = write("server.key", pem("PRIVATE KEY", key.getEncoded()));
        rsaKeyPem = write("server-rsa.key", pem("RSA PRIVATE KEY", lastTlvValue(key.getEncoded())));
        KeyStore other = keyPair("other");
        otherKeyPem = write("other.key", pem("PRIVATE KEY", other.getKey("other", "changeit".toCharArray()).getEncoded()));
        trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert);
    }

    private static KeyStore keyPair(String alias) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Tools.Run r = Tools.run(List.of(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit"),
                null, null);
        assertEquals(0, r.exit(), r.output());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        return ks;
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The contents of the last element of a DER SEQUENCE: the PKCS#1 key inside a PKCS#8 RSA key. */
    private static byte[] lastTlvValue(byte[] der) {
        int i = 2 + ((der[1] & 0x80) != 0 ? der[1] & 0x7f : 0); // skip the outer SEQUENCE header
        byte[] value = null;
        while (i < der.length) {
            int len = der[i + 1] & 0xff;
            int header = 2;
            if ((len & 0x80) != 0) {
                int n = len & 0x7f;
                len = 0;
                for (int k = 0; k < n; k++) {
                    len = (len << 8) | (der[i + 2 + k] & 0xff);
                }
                header += n;
            }
            value = Arrays.copyOfRange(der, i + header, i + header + len);
            i += header + len;
        }
        return value;
    }

    private static HttpClient trustingClient() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static ExporterServer start(WebConfig web) throws ServeException {
        return ExporterServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), REGISTRY, web);
    }

    @Test
    void tlsFromPemFilesPkcs8OrPkcs1() throws Exception {
        for (Path key : List.of(keyPem, rsaKeyPem)) {
            WebConfig web = WebConfig.parse("tls_server_config:\n  cert_file: server.crt\n  key_file: "
                    + key.getFileName() + "\n", dir.resolve("web.yml"));
            try (ExporterServer s = start(web)) {
                assertTrue(s.metricsUrl().startsWith("https://127.0.0.1:"), s.metricsUrl());
                HttpResponse<String> r = Http.send(trustingClient(), "GET", s.metricsUrl());
                assertEquals(200, r.statusCode());
                assertTrue(r.body().contains("syntop_listen_drops_total 363.0"));
                // plain HTTP to the TLS port gets no metrics
                Http.Raw plain = Http.raw(s.address(), "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(3));
                assertTrue(!plain.response().contains("syntop_"), plain.response());
                assertEquals(200, Http.send(trustingClient(), "GET", s.metricsUrl()).statusCode());
            }
        }
    }

    @Test
    void aClientThatNeverStartsTheHandshakeIsCutOff() throws Exception {
        WebConfig web = WebConfig.parse("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n",
                dir.resolve("web.yml"));
        try (ExporterServer s = ExporterServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), REGISTRY,
                web, ExporterServerTest.QUICK)) {
            // QUICK gives the handshake and the head 2 s; a client silent for 10 s must have been closed by then
            Http.Raw silent = Http.raw(s.address(), new byte[0], Duration.ofSeconds(10));
            assertTrue(silent.closedByServer(), "the server kept a silent TLS client for 10 s");
            Http.Raw half = Http.raw(s.address(), new byte[] {0x16, 0x03, 0x01}, Duration.ofSeconds(10));
            assertTrue(half.closedByServer(), "the server kept a client that sent 3 bytes of a ClientHello for 10 s");
            assertEquals(200, Http.send(trustingClient(), "GET", s.metricsUrl()).statusCode());
        }
    }

    @Test
    void aKeyOfAnotherCertificateOrAMissingFileIsAClearError() {
        ServeException wrong = assertThrows(ServeException.class, () -> start(new WebConfig(
                Optional.of(new WebConfig.Tls(certPem, otherKeyPem)), Map.of())));
        assertTrue(wrong.getMessage().contains("does not belong to the certificate"), wrong.getMessage());
        ServeException missing = assertThrows(ServeException.class, () -> start(new WebConfig(
                Optional.of(new WebConfig.Tls(dir.resolve("nope.crt"), keyPem)), Map.of())));
        assertTrue(missing.getMessage().contains("cannot read cert_file"), missing.getMessage());
        ServeException swapped = assertThrows(ServeException.class, () -> start(new WebConfig(
                Optional.of(new WebConfig.Tls(keyPem, certPem)), Map.of())));
        assertTrue(swapped.getMessage().contains("holds no PEM certificate"), swapped.getMessage());
    }

    @Test
    void aHugeCertificateOrKeyFileIsTooLarge() throws Exception {
        Path huge = dir.resolve("huge.crt");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);
        }
        for (Path p : List.of(huge, Path.of("/dev/zero"))) {
            ServeException cert = assertThrows(ServeException.class, () -> start(new WebConfig(
                    Optional.of(new WebConfig.Tls(p, keyPem)), Map.of())));
            assertTrue(cert.getMessage().contains("TLS: cert_file " + p + " is too large (more than 1 MiB;"),
                    cert.getMessage());
            ServeException key = assertThrows(ServeException.class, () -> start(new WebConfig(
                    Optional.of(new WebConfig.Tls(certPem, p)), Map.of())));
            assertTrue(key.getMessage().contains("TLS: key_file " + p + " is too large"), key.getMessage());
        }
    }

    @Test
    void basicAuthAgainstBcryptHashes() throws Exception {
        String hash = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, "s3cret".toCharArray());
        WebConfig web = WebConfig.parse("basic_auth_users:\n  prometheus: '" + hash + "'\n", dir.resolve("web.yml"));
        try (ExporterServer s = start(web)) {
            String url = s.metricsUrl();
            HttpResponse<String> none = Http.get(url);
            assertEquals(401, none.statusCode());
            assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").contains("realm=\"syntop\""),
                    none.headers().toString());
            assertEquals(401, Http.get(url, "Authorization", basic("prometheus", "wrong")).statusCode());
            assertEquals(401, Http.get(url, "Authorization", basic("nobody", "s3cret")).statusCode());
            assertEquals(401, Http.get(url, "Authorization", "Basic !!!").statusCode());
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> ok = Http.get(url, "Authorization", basic("prometheus", "s3cret"));
                assertEquals(200, ok.statusCode());
                assertTrue(ok.body().contains("syntop_tcp_connections"));
            }
            assertEquals(401, Http.get(url.replace("/metrics", "/nothing")).statusCode());
        }
    }

    @Test
    void aHeaderWithoutAColonGets401() throws Exception {
        String hash = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, "s3cret".toCharArray());
        WebConfig web = WebConfig.parse("basic_auth_users:\n  prometheus: '" + hash + "'\n", dir.resolve("web.yml"));
        try (ExporterServer s = start(web)) {
            String noColon = "Basic " + Base64.getEncoder().encodeToString("prometheus".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = Http.get(s.metricsUrl(), "Authorization", noColon);
            assertEquals(401, r.statusCode());
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"syntop\""),
                    r.headers().toString());
            assertEquals(401, Http.get(s.metricsUrl(), "Authorization", "Bearer abc").statusCode());
            // longer than bcrypt's 72 bytes: a wrong password, not a dropped connection
            assertEquals(401, Http.get(s.metricsUrl(), "Authorization", basic("prometheus", "x".repeat(100))).statusCode());
            assertEquals(200, Http.get(s.metricsUrl(), "Authorization", basic("prometheus", "s3cret")).statusCode());
        }
    }

    @Test
    void wrongPasswordsAreThrottledPerAddress() throws Exception {
        String hash = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, "s3cret".toCharArray());
        WebConfig web = WebConfig.parse("basic_auth_users:\n  prometheus: '" + hash + "'\n", dir.resolve("web.yml"));
        try (ExporterServer s = start(web)) {
            String url = s.metricsUrl();
            for (int i = 0; i < ExporterServer.Limits.DEFAULT.authBurst(); i++) {
                assertEquals(401, Http.get(url, "Authorization", basic("prometheus", "guess" + i)).statusCode(), "try " + i);
            }
            HttpResponse<String> throttled = Http.get(url, "Authorization", basic("prometheus", "guess"));
            assertEquals(429, throttled.statusCode());
            assertEquals("2", throttled.headers().firstValue("Retry-After").orElse(""), throttled.headers().toString());
            // while out of tries, even the right password is not checked: a guess could not be told from it
            assertEquals(429, Http.get(url, "Authorization", basic("prometheus", "s3cret")).statusCode());
            // another address still gets in
            String request = "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: "
                    + basic("prometheus", "s3cret") + "\r\n\r\n";
            Http.Raw other = Http.raw(InetAddress.getByName("127.0.0.7"), s.address(),
                    request.getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(10));
            assertTrue(other.statusLine().startsWith("HTTP/1.1 200"), other.statusLine());
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
