package syntop.tui.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import syntop.tui.lab.LabScripts;

/**
 * End to end with a real Prometheus: {@code syntop serve} runs in the attack lab's server namespace,
 * a Prometheus server beside it (same namespace, loopback, random free ports, a temporary storage
 * folder, 1 s scrape and rule evaluation, syntop's alert rules) scrapes it, the lab floods a listener
 * of ours with SYNs (bounded in count and time), and Prometheus' query API must show the listener's
 * SYN queue and the host's SYN_RECV gauge rise, SYNs lost at a high rate, and the SYN flood alert
 * pending or firing. Bounded to 90 s; everything it started is stopped, and the namespaces are
 * removed again if it created them.
 *
 * <p>The lab is found through {@code -Dsyntop.lab=DIR} or {@code SYNTOP_LAB}, by default
 * the project's {@code lab/}. Skipped, saying why, when it is absent or when not
 * root; in CI a missing prometheus is a failure ({@code .ci/run} installs it).
 */
@EnabledOnOs(OS.LINUX)
class PrometheusLabE2eTest {
    private static final String NS = "syntop-srv";
    private static final Duration BUDGET = Duration.ofSeconds(90);
    private static final Path RULES = Path.of("../deploy/prometheus/syntop-rules.yml").toAbsolutePath().normalize();

    private final List<String> log = new ArrayList<>();
    private String lastError = "";
    private long deadline;

    @Test
    void aSynFloodShowsInPrometheusAndRaisesTheAlert(@TempDir Path tmp) throws Exception {
        Path lab = LabScripts.dir();
        Assumptions.assumeTrue(Files.isExecutable(lab.resolve("netns-up")),
                "the attack lab is not at " + lab + " (set -Dsyntop.lab=DIR or SYNTOP_LAB)");
        Assumptions.assumeTrue("0".equals(run(List.of("id", "-u"), 5).out.strip()),
                "the lab needs root (network namespaces, raw sockets)");
        for (String tool : List.of("prometheus", "promtool", "hping3", "nft", "ip")) {
            if (onPath(tool).isEmpty()) {
                if ("true".equals(System.getenv("CI"))) {
                    throw new AssertionError(tool + " is not on PATH; .ci/run installs it");
                }
                Assumptions.abort(tool + " is not on PATH (apt-get install prometheus hping3 nftables iproute2)");
            }
        }
        long t0 = System.nanoTime();
        deadline = t0 + BUDGET.toNanos();
        boolean nsExisted = run(List.of("ip", "netns", "list"), 5).out.lines()
                .anyMatch(l -> l.startsWith(NS + " ") || l.equals(NS));
        String listenerPid = null;
        String cookies = null;
        int port = -1;
        Process prometheus = null;
        ServeProcess serve = null;
        try {
            check(run(List.of(lab.resolve("netns-up").toString()), 30), "netns-up");
            port = freePortInNamespace(20_000, 29_999);
            Run listener = run(List.of(lab.resolve("listener").toString(), "-p", "" + port, "-b", "128", "-t", "90"), 15);
            check(listener, "listener");
            listenerPid = listener.out.strip().lines().reduce((a, b) -> b).orElse("").strip();
            cookies = run(List.of("ip", "netns", "exec", NS, "sysctl", "-n", "net.ipv4.tcp_syncookies"), 5).out.strip();

            serve = ServeProcess.start(List.of("ip", "netns", "exec", NS), List.of("-XX:+UseSerialGC", "-Xmx128m"),
                    List.of("--listen", "127.0.0.1:0", "--interval", "1"));
            String target = serve.metricsUrl.replaceFirst("^http://", "").replaceFirst("/metrics$", "");
            int promPort = freePortInNamespace(30_000, 39_999);
            Path config = tmp.resolve("prometheus.yml");
            Files.writeString(config, "global:\n  scrape_interval: 1s\n  scrape_timeout: 900ms\n  evaluation_interval: 1s\n"
                    + "rule_files:\n  - " + RULES + "\n"
                    + "scrape_configs:\n  - job_name: syntop\n    static_configs:\n      - targets: ['" + target + "']\n");
            prometheus = new ProcessBuilder("ip", "netns", "exec", NS, "prometheus", "--config.file=" + config,
                    "--storage.tsdb.path=" + tmp.resolve("data"), "--web.listen-address=127.0.0.1:" + promPort,
                    "--log.level=warn").redirectErrorStream(true).redirectOutput(tmp.resolve("prometheus.log").toFile())
                    .start();
            String api = "http://127.0.0.1:" + promPort;
            note("serve " + serve.metricsUrl + ", prometheus " + api + ", listener :" + port);

            // Prometheus up and scraping syntop at least a few times
            awaitTrue(() -> value(api, "syntop_samples_total{job=\"syntop\"}").orElse(0.0) >= 3
                    && value(api, "up{job=\"syntop\"}").orElse(0.0) == 1.0, "Prometheus scraping syntop serve", tmp);
            double synBefore = value(api, "syntop_listener_syn_queue{port=\"" + port + "\"}").orElse(-1.0);
            assertEquals(0.0, synBefore, "our new listener has no half-open connections yet");

            // the flood: at most 300000 SYNs, at most 6 s, syncookies off in the server namespace only
            Run flood = run(List.of(lab.resolve("synflood").toString(), "-p", "" + port, "-c", "300000", "-t", "6",
                    "-k", "0"), 30);
            note("synflood: " + flood.out.lines().filter(l -> l.contains("SYN_RECV") || l.contains("Drop"))
                    .toList());

            String drops = "max(rate(syntop_listen_drops_total{job=\"syntop\"}[20s]))"
                    + " or max(rate(syntop_syn_queue_full_drops_total{job=\"syntop\"}[20s]))"
                    + " or max(rate(syntop_syncookies_sent_total{job=\"syntop\"}[20s]))";
            int ours = port;
            double[] seen = new double[3];
            awaitTrue(() -> {
                seen[0] = Math.max(seen[0], value(api, "syntop_listener_syn_queue{port=\"" + ours + "\"}").orElse(0.0));
                seen[1] = Math.max(seen[1], value(api, "max(syntop_tcp_connections{state=\"syn_rcvd\"})").orElse(0.0));
                seen[2] = Math.max(seen[2], value(api, drops).orElse(0.0));
                return seen[0] >= 100 && seen[1] >= 100 && seen[2] > 10 && alertState(api).isPresent();
            }, "SYN_RECV up, SYNs lost, and the SYN flood alert", tmp);
            note("SYN queue on :" + port + " reached " + seen[0] + ", host SYN_RECV " + seen[1] + ", lost SYNs "
                    + Math.round(seen[2]) + "/s, alert " + alertState(api).orElse("?"));
            assertTrue(List.of("pending", "firing").contains(alertState(api).orElse("")));

            // every query of the Grafana dashboard is valid PromQL on a real server
            String dash = Files.readString(Path.of("../deploy/grafana/syntop-dashboard.json"));
            Matcher m = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(dash);
            int queries = 0;
            while (m.find()) {
                String q = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\").replace("$__rate_interval", "1m")
                        .replace("$job", ".*").replace("$instance", ".*");
                Run r = promtool(api, q);
                assertEquals(0, r.exit, "dashboard query `" + q + "`: " + r.out);
                queries++;
            }
            assertTrue(queries >= 15, "dashboard queries: " + queries);
            long took = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
            note("end to end took " + took + " s");
            assertTrue(took < BUDGET.toSeconds(), "took " + took + " s");
            System.out.println(String.join("\n", log));
        } finally {
            if (prometheus != null) {
                prometheus.destroy();
                if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
            if (serve != null) {
                serve.close();
            }
            if (listenerPid != null && listenerPid.matches("\\d+")) {
                run(List.of("kill", listenerPid), 5);
            }
            if (port > 0) {
                run(List.of("bash", "-c", "source \"$1/common.sh\" && rst_drop \"$2\" off", "rst", lab.toString(),
                        "" + port), 10);
            }
            if (cookies != null && cookies.matches("[012]")) {
                run(List.of("ip", "netns", "exec", NS, "sysctl", "-qw", "net.ipv4.tcp_syncookies=" + cookies), 5);
            }
            if (!nsExisted) {
                run(List.of(lab.resolve("netns-down").toString()), 30);
            }
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private void awaitTrue(Condition c, String what, Path tmp) throws Exception {
        while (System.nanoTime() < deadline) {
            if (c.holds()) {
                return;
            }
            Thread.sleep(500);
        }
        Path plog = tmp.resolve("prometheus.log");
        throw new AssertionError("timed out waiting for " + what + "\n" + String.join("\n", log) + "\nlast error: " + lastError
                + (Files.exists(plog) ? "\nprometheus log:\n" + Files.readString(plog) : ""));
    }

    private void note(String s) {
        log.add(s);
    }

    /** The first value an instant query returns, through Prometheus' HTTP API (promtool, inside the namespace). */
    private Optional<Double> value(String api, String query) throws Exception {
        Run r = promtool(api, query);
        if (r.exit != 0) { // e.g. 503 while Prometheus starts: not there yet
            lastError = "query `" + query + "`: " + r.out.strip();
            return Optional.empty();
        }
        Matcher m = Pattern.compile("\"value\":\\[[0-9.e+]+,\"([^\"]+)\"]").matcher(r.out);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    private Optional<String> alertState(String api) throws Exception {
        Run r = promtool(api, "ALERTS{alertname=\"SyntopSynFlood\"}");
        Matcher m = Pattern.compile("\"alertstate\":\"(pending|firing)\"").matcher(r.out);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private Run promtool(String api, String query) throws Exception {
        return run(List.of("ip", "netns", "exec", NS, "promtool", "query", "instant", "-o", "json", api, query), 10);
    }

    private int freePortInNamespace(int from, int to) throws Exception {
        for (int i = 0; i < 50; i++) {
            int p = ThreadLocalRandom.current().nextInt(from, to + 1);
            if (run(List.of("ip", "netns", "exec", NS, "ss", "-Htan", "sport = :" + p), 5).out.isBlank()) {
                return p;
            }
        }
        throw new AssertionError("no free port in " + NS);
    }

    record Run(int exit, String out) {
    }

    private static void check(Run r, String what) {
        assertEquals(0, r.exit, what + " failed:\n" + r.out);
    }

    /** Runs a command, bounded by {@code seconds}; stdout and stderr together. */
    static Run run(List<String> argv, int seconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("syntop-e2e", ".out");
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                return new Run(-1, argv + " timed out after " + seconds + " s\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String d : List.of(dir, "/usr/sbin", "/sbin")) {
                Path p = Path.of(d.isEmpty() ? "." : d, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
