package syntop.tui.action;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import syntop.collectors.action.Actions;
import syntop.collectors.action.BlockTarget;
import syntop.collectors.action.FakeProcSys;
import syntop.collectors.action.Identity;
import syntop.collectors.detect.Judgement;
import syntop.collectors.history.History;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.RawOutput;

/** A Linux machine for console tests: a fake /proc/sys, a runner that records argvs, and a frame under a SYN flood. */
final class FakeMachine {
    final Path dir;
    final FakeProcSys procSys;
    final List<List<String>> calls = new ArrayList<>();
    final Clock clock = Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC);

    FakeMachine(Path dir) {
        this.dir = dir;
        this.procSys = new FakeProcSys(dir);
        set("net.ipv4.tcp_syncookies", "1");
        set("net.ipv4.tcp_synack_retries", "5");
        set("net.ipv4.tcp_max_syn_backlog", "2048");
        set("net.core.somaxconn", "4096");
        set("net.netfilter.nf_conntrack_tcp_loose", "1");
        set("net.ipv4.tcp_timestamps", "1");
        set("net.ipv4.tcp_sack", "1");
        set("net.ipv4.tcp_window_scaling", "1");
        set("net.ipv4.tcp_rmem", "4096 131072 6291456");
        set("net.core.rmem_max", "212992");
    }

    void set(String key, String value) {
        procSys.set(key, value);
    }

    String get(String key) {
        return procSys.get(key);
    }

    /** True once {@code nft -f -} made syntop's SYN proxy table (until {@code nft delete table}). */
    boolean synproxyTable;

    final CommandRunner runner = new CommandRunner() {
        @Override
        public CommandResult run(List<String> argv, byte[] stdin, Duration timeout, long max) {
            if (argv.equals(List.of("nft", "-f", "-"))) {
                synproxyTable = true;
            }
            return run(argv, timeout, max);
        }

        @Override
        public CommandResult run(List<String> argv, Duration timeout, long max) {
            calls.add(List.copyOf(argv));
            String out = "";
            if (argv.equals(List.of("nft", "-t", "list", "table", "inet", "syntop_synproxy")) && synproxyTable) {
                // the table as nft lists it, chains left out
                out = "table inet syntop_synproxy {\n\tcomment \"owned by syntop\"\n}\n";
                return new CommandResult(argv, RawOutput.Outcome.COMPLETED, out.getBytes(StandardCharsets.UTF_8), "", 0, false,
                        Duration.ofMillis(1), "");
            }
            if (argv.equals(List.of("nft", "delete", "table", "inet", "syntop_synproxy"))) {
                synproxyTable = false;
            }
            if (argv.get(0).equals("ip")) {
                out = "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n"
                        + "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000\n";
                return new CommandResult(argv, RawOutput.Outcome.COMPLETED, out.getBytes(StandardCharsets.UTF_8), "", 0, false,
                        Duration.ofMillis(1), "");
            }
            if (argv.size() > 2 && argv.subList(0, 3).equals(List.of("nft", "-t", "list"))) {
                // no table yet: syntop makes its own
                return new CommandResult(argv, RawOutput.Outcome.COMPLETED, new byte[0], "Error: No such file or directory\n", 1,
                        false, Duration.ofMillis(1), "");
            }
            if (argv.get(0).equals("sysctl") && argv.get(1).equals("-w")) {
                String[] kv = argv.get(2).split("=", 2);
                set(kv[0], kv[1]);
            } else if (argv.get(0).equals("ss") && !argv.contains("-K") && calls.stream().noneMatch(c -> c.contains("-K"))) {
                out = "a\nb\n";
            } else if (argv.contains("-K")) {
                out = "a\nb\n";
            }
            return new CommandResult(argv, RawOutput.Outcome.COMPLETED, out.getBytes(StandardCharsets.UTF_8), "", 0, false,
                    Duration.ofMillis(1), "");
        }
    };

    Actions actions(Identity id, boolean readOnly) {
        return new Actions(procSys.interventions(), runner,
                new Actions.Settings(readOnly, id, dir.resolve("state"), dir.resolve("audit.log"), List.of(dir.resolve("profiles")),
                        BlockTarget.DEFAULT, List.of(), clock));
    }

    ActionController controller(Identity id, boolean readOnly) {
        return new ActionController(() -> actions(id, readOnly), readOnly, Runnable::run, clock);
    }

    List<List<String>> changes() {
        return FakeProcSys.changes(calls);
    }

    /** A SYN flood on :8080 from 203.0.113.7 (40), 203.0.113.8 (25) and 198.51.100.9 (5), plus TIME_WAIT from 192.0.2.3. */
    static JudgedTick floodFrame() {
        Map<TcpState, List<AddressCount>> remotes = new EnumMap<>(TcpState.class);
        remotes.put(TcpState.SYN_RCVD, List.of(new AddressCount("203.0.113.7", 40), new AddressCount("203.0.113.8", 25),
                new AddressCount("198.51.100.9", 5)));
        remotes.put(TcpState.TIME_WAIT, List.of(new AddressCount("192.0.2.3", 12)));
        Map<TcpState, Long> states = new EnumMap<>(TcpState.class);
        states.put(TcpState.SYN_RCVD, 70L);
        states.put(TcpState.TIME_WAIT, 12L);
        states.put(TcpState.LISTEN, 1L);
        Snapshot s = new Snapshot(Instant.parse("2025-05-01T10:00:00Z"), 1, new HostInfo("lab", OsFamily.LINUX, "Linux 6.18"),
                new LinkedHashMap<>(), StateCounts.of(states), Counters.empty(),
                List.of(new ListenQueue("tcp", "0.0.0.0", 8080, 0, OptionalLong.of(70), OptionalLong.of(128))),
                remotes, Map.of());
        History h = new History();
        h.add(s);
        return new JudgedTick(1, s, List.of(), new Judgement(5, 5, List.of()), h);
    }

    /** A SYN flood on :8080 from {@code sources} addresses of 2001:db8::/32, the longest text an address takes. */
    static Optional<JudgedTick> wideFlood(int sources) {
        List<AddressCount> from = new java.util.ArrayList<>();
        for (int i = 0; i < sources; i++) {
            from.add(new AddressCount("2001:db8:" + Integer.toHexString(0x1000 + i) + ":ffff:ffff:ffff:ffff:" + Integer.toHexString(0xa000 + i), 100 - i));
        }
        JudgedTick f = floodFrame();
        Map<TcpState, List<AddressCount>> remotes = new EnumMap<>(TcpState.class);
        remotes.put(TcpState.SYN_RCVD, from);
        Snapshot o = f.snapshot();
        Snapshot s = new Snapshot(o.at(), 1, o.host(), new LinkedHashMap<>(), o.states(), o.counters(), o.listeners(), remotes, Map.of());
        History h = new History();
        h.add(s);
        return Optional.of(new JudgedTick(1, s, List.of(), new Judgement(5, 5, List.of()), h));
    }

    static Optional<JudgedTick> frame() {
        return Optional.of(floodFrame());
    }
}
