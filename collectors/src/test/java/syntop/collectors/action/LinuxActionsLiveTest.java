package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.os.linux.LinuxInterventions;
import syntop.collectors.os.linux.NftOwnership;
import syntop.collectors.source.CommandRunner;

/**
 * The Linux actions against a real kernel, inside network namespaces this test creates and
 * deletes: sysctl keys that are per namespace, real sockets dropped with ss -K, and an address
 * blocked in nftables whose connection attempts then go nowhere. The host's own settings,
 * sockets and firewall are never touched. Traffic stays on loopback and on a veth pair between
 * two test namespaces (10.99.77.0/24, which exists only there). Skipped, saying why, without
 * root or network namespaces.
 */
@EnabledOnOs(OS.LINUX)
class LinuxActionsLiveTest {
    private static final String SERVER = "10.99.77.1";
    private static final String CLIENT = "10.99.77.2";
    private static final String OTHER_CLIENT = "10.99.77.3";

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsRootAndNamespaces() throws Exception {
        Netns.assumeUsable("ip netns, sysctl, ss -K and nft", "ip", "ss", "sysctl", "nft", "python3", "timeout");
    }

    private Actions actions(CommandRunner runner) {
        return actions(runner, BlockTarget.DEFAULT);
    }

    private Actions actions(CommandRunner runner, BlockTarget target) {
        Actions.Settings s = new Actions.Settings(false, Identity.of(0, "root"), tmp.resolve("state"), tmp.resolve("audit.log"),
                List.of(tmp.resolve("profiles")), target, List.of(), Clock.systemUTC());
        return new Actions(LinuxInterventions.readingWith(runner), runner, s);
    }

    /** The operator's own firewall, as the reproduction loads it: policy drop, only SSH in. */
    private static final String OPERATOR_FILTER =
            "table inet filter { chain input { type filter hook input priority filter; policy drop; tcp dport 22 accept; }; }";

    @Test
    void blockRefusesATableOfTheSameNameThatSyntopDidNotMake() throws Exception {
        try (Netns ns = Netns.create("own")) {
            Path rules = tmp.resolve("operator.nft");
            Files.writeString(rules, OPERATOR_FILTER + "\n");
            ns.exec("nft", "-f", rules.toString()).check();
            String before = ns.exec("nft", "list", "table", "inet", "filter").check().out();
            Actions a = actions(ns.runner(), new BlockTarget("filter", "blocked"));

            ActionRefused plan = assertThrows(ActionRefused.class, () -> a.blocks().planBlock(IpPrefix.parse("192.0.2.9")));
            assertEquals(ActionRefused.Reason.NOT_OURS, plan.reason());
            ActionRefused e = assertThrows(ActionRefused.class, () -> a.blocks().block(List.of(IpPrefix.parse("192.0.2.9"))));
            assertEquals(ActionRefused.Reason.NOT_OURS, e.reason());
            assertTrue(e.getMessage().contains("inet filter") && e.getMessage().contains("not syntop's"), e.getMessage());
            assertThrows(ActionRefused.class, () -> a.blocks().unblock(List.of(IpPrefix.parse("192.0.2.9"))));

            assertEquals(before, ns.exec("nft", "list", "table", "inet", "filter").check().out(), "the operator's table is untouched");
            assertTrue(before.contains("policy drop;"), before);
            assertTrue(a.blocks().blocked().isEmpty());
            String audit = Files.readString(tmp.resolve("audit.log"));
            assertTrue(audit.contains("\"refused\"") && audit.contains("192.0.2.9"), audit);
            assertFalse(audit.contains("\"nft\",\"add\""), "no nft change ran: " + audit);
        }
    }

    @Test
    void syntopsOwnTableIsMarkedAndReusedWithoutRewritingIt() throws Exception {
        try (Netns ns = Netns.create("mark")) {
            Actions a = actions(ns.runner());
            assertTrue(a.blocks().block(List.of(IpPrefix.parse("192.0.2.9"))).ok());
            String made = ns.exec("nft", "-t", "list", "table", "inet", "syntop").check().out();
            assertTrue(made.contains("comment \"" + NftOwnership.OWNER_MARK + "\""), made);
            // an operator's rule put into syntop's chain survives the next block: syntop never flushes it
            ns.exec("nft", "add", "rule", "inet", "syntop", "input", "tcp", "dport", "9999", "counter").check();
            assertTrue(actions(ns.runner()).blocks().block(List.of(IpPrefix.parse("198.51.100.0/24"))).ok());
            String after = ns.exec("nft", "list", "table", "inet", "syntop").check().out();
            assertTrue(after.contains("tcp dport 9999 counter"), after);
            assertEquals(1, after.lines().filter(l -> l.strip().equals("ip saddr @blocked drop")).count(), after);
            assertTrue(after.contains("192.0.2.9") && after.contains("198.51.100.0/24"), after);
        }
    }

    @Test
    void applyTheSynFloodProfileInANamespaceThenUndo() throws Exception {
        String hostCookies = Files.readString(Path.of("/proc/sys/net/ipv4/tcp_syncookies")).strip();
        try (Netns ns = Netns.create("sysctl")) {
            // make each key differ from the profile, so every one really changes
            ns.exec("sysctl", "-w", "net.ipv4.tcp_syncookies=0").check();
            ns.exec("sysctl", "-w", "net.ipv4.tcp_synack_retries=5").check();
            ns.exec("sysctl", "-w", "net.ipv4.tcp_max_syn_backlog=256").check();
            ns.exec("sysctl", "-w", "net.core.somaxconn=512").check();
            Actions a = actions(ns.runner());
            Profile p = a.profiles().load("syn-flood");
            assertEquals(4, a.tuning().diff(p).count(ProfileDiff.Change.CHANGE), a.tuning().diff(p).lines().toString());

            ActionReport r = a.tuning().apply(p);
            assertTrue(r.ok(), r.lines().toString());
            assertEquals("1", ns.sysctl("net.ipv4.tcp_syncookies"));
            assertEquals("2", ns.sysctl("net.ipv4.tcp_synack_retries"));
            assertEquals("8192", ns.sysctl("net.ipv4.tcp_max_syn_backlog"));
            assertEquals("4096", ns.sysctl("net.core.somaxconn"));
            assertEquals(hostCookies, Files.readString(Path.of("/proc/sys/net/ipv4/tcp_syncookies")).strip(), "the host is untouched");

            ActionReport u = actions(ns.runner()).tuning().undo(); // a fresh instance: undo works across restarts
            assertTrue(u.ok(), u.lines().toString());
            assertEquals("0", ns.sysctl("net.ipv4.tcp_syncookies"));
            assertEquals("5", ns.sysctl("net.ipv4.tcp_synack_retries"));
            assertEquals("256", ns.sysctl("net.ipv4.tcp_max_syn_backlog"));
            assertEquals("512", ns.sysctl("net.core.somaxconn"));
            assertFalse(Files.exists(tmp.resolve("state/undo.state")));
            String audit = Files.readString(tmp.resolve("audit.log"));
            assertTrue(audit.contains("\"argv\":[\"sysctl\",\"-w\",\"net.ipv4.tcp_syncookies=1\"]"), audit);
        }
    }

    /** A listener on 127.0.0.1:9090 that never accepts, 5 clients to it, and 2 to a control port 9091 that must survive. */
    private static final String SOCKETS = String.join("\n",
            "import socket, sys, time",
            "a = socket.socket(); a.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); a.bind(('127.0.0.1', 9090)); a.listen(16)",
            "b = socket.socket(); b.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); b.bind(('127.0.0.1', 9091)); b.listen(16)",
            "keep = [socket.create_connection(('127.0.0.1', 9090)) for _ in range(5)]",
            "keep += [socket.create_connection(('127.0.0.1', 9091)) for _ in range(2)]",
            "print('READY', flush=True)",
            "time.sleep(20)");

    @Test
    void dropRealSocketsWithSsMinusK() throws Exception {
        try (Netns ns = Netns.create("drop")) {
            Process p = ns.start("timeout", "25", "python3", "-c", SOCKETS);
            Netns.awaitLine(p, "READY");
            String server = "state established sport = :9090";
            assertEquals(5, ns.sockets(server));
            assertEquals(2, ns.sockets("state established sport = :9091"));

            ActionReport r = actions(ns.runner()).drops().drop(ConnectionFilter.of("established", "9090", "127.0.0.1"));
            assertTrue(r.ok(), r.lines().toString());
            assertTrue(r.summary().startsWith("dropped 5 of 5"), r.summary());
            assertEquals(0, ns.sockets(server), "the server side of the 5 connections is gone");
            assertEquals(2, ns.sockets("state established sport = :9091"), "the control connections are untouched");
        }
    }

    @Test
    void blockedAddressesCannotConnectUntilUnblocked() throws Exception {
        try (Netns srv = Netns.create("srv"); Netns cli = Netns.create("cli")) {
            srv.veth(cli, "a", SERVER, CLIENT, OTHER_CLIENT);
            Process listener = srv.start("timeout", "25", "python3", "-c", String.join("\n",
                    "import socket",
                    "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
                    "s.bind(('" + SERVER + "', 9092)); s.listen(64); print('READY', flush=True)",
                    "while True:",
                    "    c, _ = s.accept(); c.close()"));
            Netns.awaitLine(listener, "READY");
            assertTrue(connects(cli, CLIENT), "before the block");

            Actions a = actions(srv.runner());
            ActionReport b = a.blocks().block(List.of(IpPrefix.parse(CLIENT)));
            assertTrue(b.ok(), b.lines().toString());
            String set = srv.exec("nft", "list", "set", "inet", "syntop", "blocked").check().out();
            assertTrue(set.contains(CLIENT), set);
            assertFalse(connects(cli, CLIENT), "the blocked address's SYNs are dropped");
            assertTrue(connects(cli, OTHER_CLIENT), "another address still connects");
            assertEquals(List.of(CLIENT), a.blocks().blocked().stream().map(e -> e.source().toString()).toList());

            ActionReport again = a.blocks().block(List.of(IpPrefix.parse("10.99.77.0/28"))); // overlaps: nft refuses, syntop reports
            assertFalse(again.ok(), again.lines().toString());

            ActionReport u = a.blocks().unblock(List.of(IpPrefix.parse(CLIENT)));
            assertTrue(u.ok(), u.lines().toString());
            assertTrue(connects(cli, CLIENT), "after the unblock");
            assertTrue(a.blocks().blocked().isEmpty());
        }
    }

    /** True when a TCP connect from {@code source} to the server succeeds within 1.5 s. */
    private static boolean connects(Netns cli, String source) throws Exception {
        Netns.Result r = cli.exec("timeout", "5", "python3", "-c", String.join("\n",
                "import socket, sys",
                "s = socket.socket(); s.settimeout(1.5); s.bind(('" + source + "', 0))",
                "try:",
                "    s.connect(('" + SERVER + "', 9092)); print('CONNECTED')",
                "except OSError as e:",
                "    print('FAILED', e); sys.exit(1)"));
        return r.exit() == 0 && r.out().contains("CONNECTED");
    }
}
