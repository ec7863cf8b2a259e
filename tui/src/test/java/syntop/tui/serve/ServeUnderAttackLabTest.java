package syntop.tui.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * One client must not blind {@code syntop serve}: in a network namespace of this test's own
 * (named after the test and its pid, removed afterwards; all traffic on its loopback), serve runs
 * with its production limits while {@link HostileClients} opens 500 idle connections and 50
 * slowloris connections from 127.0.0.2, reopening each one the server closes, and scrapes once a
 * second from 127.0.0.3 on a fresh connection. At least 95 % of those scrapes must succeed, over
 * plain HTTP and over TLS. Needs root (network namespaces); skipped, saying why, otherwise. About
 * 30 s per run, each bounded.
 */
@EnabledOnOs(OS.LINUX)
class ServeUnderAttackLabTest {
    private static final String NS = "syntop-serve-hostile-" + ProcessHandle.current().pid();
    private static final int SCRAPES = 20;
    private static final int IDLE = 500;
    private static final int SLOW = 50;
    private static final Pattern RESULT = Pattern.compile("scrapes ok=(\\d+) of (\\d+); attacker connects=(\\d+).*");
    private static boolean created;

    @BeforeAll
    static void namespace() throws Exception {
        Assumptions.assumeTrue("0".equals(PrometheusLabE2eTest.run(List.of("id", "-u"), 5).out().strip()),
                "the hostile-client lab needs root (it makes a network namespace)");
        PrometheusLabE2eTest.Run add = PrometheusLabE2eTest.run(List.of("ip", "netns", "add", NS), 10);
        Assumptions.assumeTrue(add.exit() == 0, "cannot make a network namespace: " + add.out());
        created = true;
        assertEquals(0, PrometheusLabE2eTest.run(List.of("ip", "-n", NS, "link", "set", "lo", "up"), 10).exit());
    }

    @AfterAll
    static void removeNamespace() throws Exception {
        if (!created) {
            return;
        }
        for (String pid : PrometheusLabE2eTest.run(List.of("ip", "netns", "pids", NS), 5).out().strip().split("\\s+")) {
            if (!pid.isEmpty()) {
                PrometheusLabE2eTest.run(List.of("kill", "-9", pid), 5);
            }
        }
        PrometheusLabE2eTest.run(List.of("ip", "netns", "del", NS), 10);
    }

    @Test
    void plainScrapesGetThroughIdleAndSlowlorisConnectionsFromAnotherAddress() throws Exception {
        assertScrapesGetThrough(List.of(), null);
    }

    @Test
    void tlsScrapesGetThroughIdleAndSlowlorisConnectionsFromAnotherAddress(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        PrometheusLabE2eTest.Run openssl = PrometheusLabE2eTest.run(List.of("openssl", "req", "-x509", "-newkey",
                "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj",
                "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"), 30);
        Assumptions.assumeTrue(openssl.exit() == 0, "openssl cannot make a test certificate: " + openssl.out());
        Path web = Files.writeString(dir.resolve("web.yml"),
                "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n");
        assertScrapesGetThrough(List.of("--web-config", web.toString()), cert);
    }

    private static void assertScrapesGetThrough(List<String> serveArgs, Path cert) throws Exception {
        List<String> args = new ArrayList<>(List.of("--listen", "127.0.0.1:0", "--interval", "1"));
        args.addAll(serveArgs);
        List<String> inNs = List.of("ip", "netns", "exec", NS);
        try (ServeProcess serve = ServeProcess.start(inNs, List.of("-XX:+UseSerialGC", "-Xmx96m"), args)) {
            int port = URI.create(serve.metricsUrl).getPort();
            List<String> argv = new ArrayList<>(inNs);
            argv.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    ServeProcess.classpath(), HostileClients.class.getName(), "127.0.0.1", "" + port, "127.0.0.2",
                    "127.0.0.3", "" + SCRAPES, "" + IDLE, "" + SLOW));
            if (cert != null) {
                argv.add(cert.toString());
            }
            PrometheusLabE2eTest.Run attack = PrometheusLabE2eTest.run(argv, SCRAPES + 40);
            Matcher m = RESULT.matcher(attack.out());
            assertTrue(m.find(), "the attack did not finish:\n" + attack.out());
            int ok = Integer.parseInt(m.group(1));
            System.out.println("[" + (cert == null ? "plain" : "tls") + "] " + m.group());
            assertTrue(ok * 100 >= 95 * SCRAPES, "only " + ok + " of " + SCRAPES + " scrapes succeeded under attack:\n"
                    + attack.out() + "\nserve said: " + serve.stderr());
            assertTrue(serve.process.isAlive(), "serve died: " + serve.stderr());
        }
    }
}
