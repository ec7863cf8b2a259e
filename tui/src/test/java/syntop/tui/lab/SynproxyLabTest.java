package syntop.tui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The SYN proxy against a real SYN flood in the lab's namespaces: cookies off, a listener with a
 * backlog of 16 that accepts, hping3 flooding it from the client namespace (its RSTs dropped, so
 * the half-open entries stay), and real clients connecting from a third address, 10.99.0.3. Before:
 * the SYN queue at its limit and most real connects time out. After {@code syntop synproxy on}:
 * SYN_RCVD on the port near zero within 2 samples, at least 19 of 20 real connects complete, the
 * proxy's counters rise. After {@code off}: syntop's table gone, the setting back. The proxy stops
 * new half-open entries; those made before it went on stay until the server gives up on them, so
 * the server's {@code tcp_synack_retries} is 0 here: they expire after about 1 s instead of 63 s
 * (the kernel's default of 5 retries; with 1 they took 3 samples).
 */
@EnabledOnOs(OS.LINUX)
class SynproxyLabTest {
    private static final int PORT = 8090;
    private static final String CLIENT_NS = "syntop-cli";
    private static final String THIRD = "10.99.0.3";
    private static Optional<String> unavailable;

    @BeforeAll
    static void labUp() {
        unavailable = Lab.unavailable();
    }

    @AfterAll
    static void labDown() throws Exception {
        if (unavailable.isEmpty()) {
            Lab.run(60, "netns-down");
        }
    }

    private static Lab.Result run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), String.join(" ", argv) + " hangs");
        return new Lab.Result(p.exitValue(), out);
    }

    private static Lab.Result syntop(Path home, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", Lab.SERVER_NS, "env", "HOME=" + home,
                "XDG_CONFIG_HOME=" + home.resolve(".config"), Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "syntop.tui.Main"));
        argv.addAll(List.of(args));
        return run(argv.toArray(String[]::new));
    }

    /** 20 real connects from the third address, each given 1 s; how many completed. */
    private static int connects() throws Exception {
        Lab.Result r = run("ip", "netns", "exec", CLIENT_NS, "python3", Lab.DIR.resolve("py/connects.py").toString(),
                "--src", THIRD, "--dst", Lab.SERVER_IP, "--port", String.valueOf(PORT), "--count", "20", "--timeout", "1");
        Matcher m = Pattern.compile("\"ok\": (\\d+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        return Integer.parseInt(m.group(1));
    }

    /** A column of /proc/net/stat/synproxy in the server namespace, summed over CPUs (hexadecimal). */
    private static long synproxy(String column) throws Exception {
        List<String> lines = Lab.inServer("cat", "/proc/net/stat/synproxy").lines().filter(l -> !l.isBlank()).toList();
        List<String> head = List.of(lines.get(0).trim().split("\\s+"));
        int i = head.indexOf(column);
        long sum = 0;
        for (String row : lines.subList(1, lines.size())) {
            sum += Long.parseLong(row.trim().split("\\s+")[i], 16);
        }
        return sum;
    }

    @Test
    void theProxyLetsRealClientsInDuringAFloodAndLeavesNothingBehind() throws Exception {
        assumeTrue(unavailable.isEmpty(), () -> "lab skipped: " + unavailable.orElse(""));
        Path home = Path.of("target/lab-synproxy-home").toAbsolutePath();
        Files.createDirectories(home.resolve(".config/syntop"));
        Files.writeString(home.resolve(".config/syntop/syntop.conf"),
                "state_dir = " + home.resolve("state") + "\naudit_log = " + home.resolve("audit.log") + "\n");
        assertEquals(0, run("ip", "netns", "exec", CLIENT_NS, "ip", "addr", "add", THIRD + "/24", "dev", "syntop-c0").exit());
        Lab.inServer("sysctl", "-qw", "net.ipv4.tcp_synack_retries=0");
        String looseBefore = Lab.inServer("sysctl", "-n", "net.netfilter.nf_conntrack_tcp_loose").strip();
        Lab.Result l = Lab.run(30, "listener", "-p", String.valueOf(PORT), "-b", "16", "-e", "0.01", "-t", "150");
        assertEquals(0, l.exit(), l.out());
        long listener = Long.parseLong(l.out().strip().lines().reduce((a, b) -> b).orElseThrow().strip());
        Process flood = Lab.start("synflood", "-p", String.valueOf(PORT), "-c", "100000", "-i", "1000", "-k", "0", "-t", "90");
        List<String> figures = new ArrayList<>();
        try {
            Thread.sleep(3000);
            int before = Lab.count("syn-recv", PORT);
            assertTrue(before >= 16, "SYN_RCVD at the queue's limit (16) before: " + before);
            int okBefore = connects();
            assertTrue(okBefore <= 10, "most real connects fail before the proxy: " + okBefore + " of 20 completed");
            long synBefore = synproxy("syn_received");
            long validBefore = synproxy("cookie_valid");

            Lab.Result on = syntop(home, "synproxy", "on", String.valueOf(PORT), "--yes");
            assertEquals(0, on.exit(), on.out());
            int[] after = new int[4];
            for (int i = 0; i < after.length; i++) {
                Thread.sleep(1000);
                after[i] = Lab.count("syn-recv", PORT);
            }
            assertTrue(after[1] <= 2, "SYN_RCVD near zero within 2 samples: " + java.util.Arrays.toString(after));
            int okAfter = connects();
            assertTrue(okAfter >= 19, "real connects through the proxy: " + okAfter + " of 20");
            long synAfter = synproxy("syn_received");
            long validAfter = synproxy("cookie_valid");
            assertTrue(synAfter > synBefore && validAfter - validBefore >= okAfter, "proxy counters: syn_received "
                    + synBefore + " -> " + synAfter + ", cookie_valid " + validBefore + " -> " + validAfter);
            Lab.Result status = syntop(home, "synproxy", "--samples", "2");
            assertTrue(status.out().contains(":" + PORT + " behind the proxy since") && status.out().contains("SYNs/s answered"),
                    status.out());
            figures.add(String.format(Locale.ROOT, "SYN_RCVD on :%d before %d; 1 to 4 s after on %s; real connects completed "
                    + "before %d/20, during the flood with the proxy %d/20; SYNPROXY syn_received +%d, cookie_valid +%d",
                    PORT, before, java.util.Arrays.toString(after), okBefore, okAfter, synAfter - synBefore,
                    validAfter - validBefore));
            figures.add("syntop synproxy (status):");
            status.out().lines().forEach(x -> figures.add("    " + x));

            Lab.Result off = syntop(home, "synproxy", "off", "--all", "--yes");
            assertEquals(0, off.exit(), off.out());
            assertFalse(Lab.inServer("nft", "list", "ruleset").contains("syntop_synproxy"), "syntop's table is gone");
            assertEquals(looseBefore, Lab.inServer("sysctl", "-n", "net.netfilter.nf_conntrack_tcp_loose").strip());
            assertFalse(Files.exists(home.resolve("state").resolve(Files.list(home.resolve("state")).findFirst().orElseThrow()
                    .getFileName()).resolve("synproxy.state")), "nothing of syntop's state stays");
        } finally {
            syntop(home, "synproxy", "off", "--all", "--yes");
            Lab.stop(flood);
            ProcessHandle.of(listener).ifPresent(ProcessHandle::destroy);
            Files.write(Path.of("target/lab-synproxy.md"), figures);
        }
    }
}
