package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import syntop.collectors.action.Netns;
import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.StateCounts;
import syntop.collectors.os.linux.SsListenParser;

/**
 * On this kernel, in a namespace of its own with somaxconn 256: a listener asking for 100 gets 100
 * (its backlog is the limit), one asking for 1000 gets 256 (somaxconn is), and the evidence says so.
 * With cookies off, half-open connections stop at the listener's limit + 1 or at 3/4 of
 * tcp_max_syn_backlog + 1, whichever is smaller, as the evidence says.
 */
@EnabledOnOs(OS.LINUX)
class WhichLimitLiveTest {
    private static final String LISTEN = "import socket,sys,time\n"
            + "s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
            + "s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(int(sys.argv[2])); print('up', flush=True)\n"
            + "time.sleep(60)\n";

    @Test
    void theBacklogOrSomaxconnIsNamedAsTheLimit() throws Exception {
        Netns.assumeUsable("ip netns", "ip", "ss", "python3");
        try (Netns ns = Netns.create("limit")) {
            ns.exec("sysctl", "-w", "net.core.somaxconn=256").check();
            for (String[] l : List.of(new String[] {"7100", "100"}, new String[] {"7101", "1000"})) {
                Process p = ns.start("python3", "-c", LISTEN, l[0], l[1]);
                String up = new String(p.getInputStream().readNBytes(3));
                assertEquals("up\n", up, "listener on " + l[0] + " started");
            }
            List<ListenQueue> listeners = SsListenParser.parse(List.of(ns.exec("ss", "-ltn").check().out().split("\n")))
                    .value().listeners();
            Snapshot s = new Snapshot(Instant.now(), 0, new HostInfo("ns", OsFamily.LINUX, "live"), Map.of(),
                    StateCounts.empty(), Counters.empty(), listeners, Map.of(),
                    Map.of("net.core.somaxconn", ns.sysctl("net.core.somaxconn"), "net.ipv4.tcp_syncookies", "1"));
            ListenQueue small = byPort(listeners, 7100);
            ListenQueue big = byPort(listeners, 7101);
            assertEquals(100, small.limit().getAsLong(), "the kernel keeps the backlog asked for below somaxconn");
            assertEquals(256, big.limit().getAsLong(), "and clamps a bigger one to somaxconn");
            assertTrue(WhichLimit.acceptQueue(s, small).startsWith(
                    ":7100 accept queue 100 = listen() backlog 100 (somaxconn 256 is not the limit): raise the application's backlog"),
                    WhichLimit.acceptQueue(s, small));
            assertTrue(WhichLimit.acceptQueue(s, big).startsWith(
                    ":7101 accept queue 256 = somaxconn 256 (the application asked for 256 or more; its own backlog cannot be seen): "
                            + "raise net.core.somaxconn above 256"), WhichLimit.acceptQueue(s, big));
        }
    }

    @Test
    void withCookiesOffTheSmallerOfBacklogAndThreeQuartersOfMaxSynBacklogHoldsTheHalfOpen() throws Exception {
        Netns.assumeUsable("ip netns", "ip", "ss", "python3", "hping3", "nft");
        try (Netns ns = Netns.create("halfopen")) {
            ns.exec("sysctl", "-w", "net.ipv4.tcp_syncookies=0", "net.ipv4.tcp_max_syn_backlog=128",
                    "net.core.somaxconn=4096").check();
            // the kernel answers each SYN-ACK to hping3's ports with a reset; dropping resets keeps the entries half-open
            ns.exec("nft", "add table inet whichlimit; add chain inet whichlimit in { type filter hook input priority 0; }; "
                    + "add rule inet whichlimit in tcp flags rst drop").check();
            for (String[] l : List.of(new String[] {"7200", "1000"}, new String[] {"7201", "50"})) {
                Process p = ns.start("python3", "-c", LISTEN, l[0], l[1]);
                assertEquals("up\n", new String(p.getInputStream().readNBytes(3)), "listener on " + l[0] + " started");
            }
            for (String port : List.of("7200", "7201")) { // 300 SYNs each from as many source ports, 2 ms apart
                ns.exec("hping3", "-q", "-S", "-p", port, "-s", port.equals("7200") ? "20000" : "30000", "-i", "u2000",
                        "-c", "300", "127.0.0.1");
            }
            Map<Integer, Long> halfOpen = new java.util.TreeMap<>();
            for (String row : ns.exec("ss", "-Htan", "state", "syn-recv").check().out().split("\n")) {
                String[] f = row.trim().split("\\s+");
                if (f.length >= 4) {
                    halfOpen.merge(Integer.parseInt(f[2].substring(f[2].lastIndexOf(':') + 1)), 1L, Long::sum);
                }
            }
            assertEquals(Map.of(7200, 97L, 7201, 51L), halfOpen,
                    "backlog 1000 stops at 3/4 of 128 + 1, backlog 50 at 50 + 1");
            List<ListenQueue> listeners = SsListenParser.parse(List.of(ns.exec("ss", "-ltn").check().out().split("\n")))
                    .value().listeners();
            Snapshot s = new Snapshot(Instant.now(), 0, new HostInfo("ns", OsFamily.LINUX, "live"), Map.of(),
                    StateCounts.empty(), Counters.empty(), listeners, Map.of(),
                    Map.of("net.core.somaxconn", ns.sysctl("net.core.somaxconn"), "net.ipv4.tcp_syncookies",
                            ns.sysctl("net.ipv4.tcp_syncookies"), "net.ipv4.tcp_max_syn_backlog",
                            ns.sysctl("net.ipv4.tcp_max_syn_backlog")));
            assertTrue(WhichLimit.halfOpen(s, byPort(listeners, 7200)).startsWith("half-open capped at 96 + 1 = 3/4 of "
                    + "tcp_max_syn_backlog 128, plus one, while cookies are off (the listener's limit 1000 is not the limit)"),
                    WhichLimit.halfOpen(s, byPort(listeners, 7200)));
            assertTrue(WhichLimit.halfOpen(s, byPort(listeners, 7201)).startsWith("half-open capped at 50 + 1 = the "
                    + "listener's limit, beyond it SYNs are dropped"), WhichLimit.halfOpen(s, byPort(listeners, 7201)));
        }
    }

    private static ListenQueue byPort(List<ListenQueue> listeners, int port) {
        return listeners.stream().filter(q -> q.port() == port).findFirst()
                .orElseThrow(() -> new AssertionError("no listener on " + port + " in " + listeners));
    }
}
