package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.json.JsonReader;
import syntop.collectors.source.ProcessCommandRunner;

/**
 * The port budget on a real kernel: a client namespace with 1000 ephemeral ports (40000–40999, so
 * 1000 / 60 s ≈ 16.7 connections/s per destination) opens 50 short connections a second to a
 * listener in a second namespace and closes first, so its TIME_WAIT grows towards the listener.
 * syntop, run in the client namespace, reports that budget, a rate near 50/s, and the verdict with
 * the time to exhaustion its own numbers give. Both namespaces and the veth are this test's own.
 */
@EnabledOnOs(OS.LINUX)
class PortBudgetLabTest {
    private static final long PID = ProcessHandle.current().pid();
    private static final String CLIENT = "syntop-explain-cli-" + PID;
    private static final String SERVER = "syntop-explain-srv-" + PID;
    private static final String VETH_C = "sxc" + PID % 1_000_000;
    private static final String VETH_S = "sxs" + PID % 1_000_000;
    private static final int RATE = 50;

    private static final String SERVE = "import socket\n"
            + "s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
            + "s.bind(('10.77.0.2', 7300)); s.listen(512); s.settimeout(30); print('up', flush=True)\n"
            + "for _ in range(5000):\n"
            + "    c,_=s.accept(); c.settimeout(5); c.recv(1); c.close()\n";
    /** RATE connections a second for at most 14 s, each closed at once by this side. */
    private static final String CONNECT = "import socket,sys,time\n"
            + "rate=int(sys.argv[1]); t0=time.time()\n"
            + "for i in range(rate*14):\n"
            + "    d=t0+i/rate-time.time()\n"
            + "    if d>0: time.sleep(d)\n"
            + "    try:\n"
            + "        c=socket.create_connection(('10.77.0.2', 7300), timeout=2); c.close()\n"
            + "    except OSError: pass\n";

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void budgetRateAndVerdictMatchTheArithmetic() throws Exception {
        assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "skipped: needs root for ip netns");
        assumeTrue(new ProcessCommandRunner().resolve("python3").isPresent(), "skipped: python3 is not installed");
        List<Process> started = new ArrayList<>();
        try {
            sh("ip", "netns", "add", CLIENT);
            sh("ip", "netns", "add", SERVER);
            sh("ip", "link", "add", VETH_C, "netns", CLIENT, "type", "veth", "peer", "name", VETH_S, "netns", SERVER);
            in(CLIENT, "ip", "addr", "add", "10.77.0.1/30", "dev", VETH_C);
            in(SERVER, "ip", "addr", "add", "10.77.0.2/30", "dev", VETH_S);
            for (String ns : List.of(CLIENT, SERVER)) {
                in(ns, "ip", "link", "set", "lo", "up");
            }
            in(CLIENT, "ip", "link", "set", VETH_C, "up");
            in(SERVER, "ip", "link", "set", VETH_S, "up");
            in(CLIENT, "sysctl", "-w", "net.ipv4.ip_local_port_range=40000 40999");
            Process server = start(started, SERVER, "python3", "-c", SERVE);
            assertEquals("up\n", new String(server.getInputStream().readNBytes(3), StandardCharsets.US_ASCII));
            start(started, CLIENT, "python3", "-c", CONNECT, String.valueOf(RATE));
            Thread.sleep(2000);
            ChildJvm r = ChildJvm.run(List.of("ip", "netns", "exec", CLIENT), System.getProperty("java.class.path"),
                    List.of(), tmp, "once", "--format", "json", "--interval", "1", "-n", "6");
            String[] lines = r.out.strip().split("\n");
            Map<String, Object> last = (Map<String, Object>) JsonReader.parse(lines[lines.length - 1]);
            Map<String, Object> b = (Map<String, Object>) last.get("port_budget");
            assertEquals(Map.of("first", 40000L, "last", 40999L, "ports", 1000L, "assumed", false), b.get("range"), r.out);
            assertEquals(60.0, num(b, "time_wait_seconds"));
            assertEquals(1000 / 60.0, num(b, "per_destination_per_second"), 0.001);
            double rate = num(b, "active_opens_per_second");
            assertTrue(rate > RATE * 0.7 && rate < RATE * 1.3, "ActiveOpens near " + RATE + "/s: " + rate);
            Map<String, Object> top = ((List<Map<String, Object>>) b.get("top_destinations")).get(0);
            assertEquals("10.77.0.2", top.get("address"));
            long inUse = ((Number) top.get("time_wait")).longValue();
            Map<String, Object> v = ((List<Map<String, Object>>) last.get("verdicts")).stream()
                    .filter(x -> "ephemeral_ports_running_out".equals(x.get("kind"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no port verdict in " + last.get("verdicts")));
            assertEquals("critical", v.get("severity"), String.valueOf(v));
            Matcher m = Pattern.compile("towards 10\\.77\\.0\\.2 in ≈ ([0-9.]+) s").matcher((String) v.get("summary"));
            assertTrue(m.find(), String.valueOf(v));
            // 50/s × 60 s = 3000 > 1000 ports: T · ln((rT − U) / (rT − R)), with the rate and TIME_WAIT syntop read
            double expected = 60 * Math.log((rate * 60 - inUse) / (rate * 60 - 1000));
            double eta = Double.parseDouble(m.group(1));
            assertTrue(Math.abs(eta - expected) < expected * 0.3, "time to exhaustion " + eta + " s, arithmetic " + expected);
            assertTrue(((String) v.get("evidence")).contains("tcp_tw_reuse=1 (outbound only)"), String.valueOf(v));
        } finally {
            for (Process p : started) {
                p.destroyForcibly();
                p.waitFor(2, TimeUnit.SECONDS);
            }
            for (String ns : List.of(CLIENT, SERVER)) {
                String pids = run("ip", "netns", "pids", ns);
                for (String pid : pids.split("\\s+")) {
                    if (pid.matches("\\d+")) {
                        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
                run("ip", "netns", "del", ns);
            }
        }
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private static Process start(List<Process> started, String ns, String... argv) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(List.of(argv));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    private static void in(String ns, String... argv) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(List.of(argv));
        sh(cmd.toArray(String[]::new));
    }

    private static void sh(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + ": " + out);
        }
    }

    private static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
