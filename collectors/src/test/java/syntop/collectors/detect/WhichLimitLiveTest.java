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

    private static ListenQueue byPort(List<ListenQueue> listeners, int port) {
        return listeners.stream().filter(q -> q.port() == port).findFirst()
                .orElseThrow(() -> new AssertionError("no listener on " + port + " in " + listeners));
    }
}
