package syntop.collectors.os.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import syntop.collectors.action.Interventions;
import syntop.collectors.action.OwnSession;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;
import syntop.collectors.os.common.HostPlatform;
import syntop.collectors.platform.StandIn;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.Source;

/**
 * Linux: counters from /proc files (read directly, no fork); the listeners and the states that pile
 * up from the connection table; ESTABLISHED and TIME_WAIT from O(1) counters.
 *
 * <p>The connection table is read the cheaper of two ways, chosen each tick by the last tick's
 * socket count. A large table is dumped by one kernel-filtered {@code ss}, which skips ESTABLISHED
 * and TIME_WAIT inside the kernel (measured at 56k TIME_WAIT sockets: under 30 ms, against about
 * 150 ms to read /proc/net/tcp). A small one is read from /proc/net/tcp{,6} without a fork: the
 * fork and exec of {@code ss} alone cost more CPU than reading a few thousand rows. /proc lacks the
 * listeners' queue limits and owners, so {@code ss -ltnp} lends them, read every {@link #LIMITS_EVERY}.
 */
public final class LinuxPlatform extends HostPlatform {
    public static final String SNMP = "proc-net-snmp";
    public static final String NETSTAT = "proc-net-netstat";
    public static final String SOCKSTAT = "proc-net-sockstat";
    public static final String SYNPROXY = "proc-net-stat-synproxy";
    public static final String TCP_TABLE = "proc-net-tcp";
    public static final String SS_STATES = "ss-tan-states";
    public static final String SS_LISTEN = "ss-ltn";
    public static final String SYSCTL = "proc-sys-net";
    public static final String KMSG = "dev-kmsg";

    /** Settings an operator tunes against floods and pile-ups. */
    public static final List<String> TUNABLES = List.of(
            "net.ipv4.tcp_syncookies", "net.ipv4.tcp_max_syn_backlog", "net.core.somaxconn",
            "net.ipv4.tcp_synack_retries", "net.ipv4.tcp_syn_retries", "net.ipv4.tcp_abort_on_overflow",
            "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_tw_reuse", "net.ipv4.tcp_max_tw_buckets",
            "net.ipv4.tcp_max_orphans", "net.ipv4.ip_local_port_range", "net.core.netdev_max_backlog");

    /** How often the listeners' queue limits are read when the table comes from /proc. */
    public static final Duration LIMITS_EVERY = Duration.ofSeconds(10);

    /**
     * Below this many sockets (TCP sockets allocated plus TIME_WAIT, by sockstat) /proc/net/tcp is the
     * cheaper read; above it, the filtered {@code ss} dump. Measured with the console in the lab: a
     * tick cost 14 ms reading 1,000 sockets from /proc and 22 ms reading 2,100, against 25 ms with an
     * {@code ss} fork at 1,000 (the kernel formats each /proc row, about 7 µs; a fork and exec of ss
     * costs 10-15 ms whatever the table).
     */
    public static final long SMALL_TABLE_SOCKETS = 2_000;

    private static final List<Source> SOURCES = List.of(
            new Source(SS_STATES, Acquisition.command("ss", "-Htan", "state", "listening", "state", "syn-recv",
                    "state", "syn-sent",
                    "state", "fin-wait-1", "state", "fin-wait-2", "state", "close-wait", "state", "last-ack",
                    "state", "closing"), t -> SsConnectionsParser.parse(t.lines()), Duration.ofMillis(500),
                    Source.Cost.TABLE),
            new Source(SNMP, Acquisition.files("/proc/net/snmp"), t -> ProcNetPairsParser.parse(t.lines()),
                    Duration.ofMillis(200), Source.Cost.CHEAP),
            new Source(NETSTAT, Acquisition.files("/proc/net/netstat"), t -> ProcNetPairsParser.parse(t.lines()),
                    Duration.ofMillis(200), Source.Cost.CHEAP),
            new Source(SOCKSTAT, Acquisition.files("/proc/net/sockstat"), t -> SockstatParser.parse(t.lines()),
                    Duration.ofMillis(200), Source.Cost.CHEAP),
            new Source(SYNPROXY, Acquisition.files("/proc/net/stat/synproxy"), t -> SynproxyStatParser.parse(t.lines()),
                    Duration.ofMillis(200), Source.Cost.CHEAP, true),
            new Source(SYSCTL, new Acquisition.Files(TUNABLES.stream().map(ProcSysParser::pathOf).toList()),
                    ProcSysParser::parse, Duration.ofMillis(200), Source.Cost.CHEAP).polledEvery(Source.SETTINGS_EVERY),
            // -p names each listener's process; measured here (81 processes, 400 open files): 10.4 ms a
            // run against 6.6 ms for ss -ltn, so one fork every LIMITS_EVERY carries limits and owners
            new Source(SS_LISTEN, Acquisition.command("ss", "-ltnp"), t -> SsListenParser.parseWithOwners(t.lines()),
                    Duration.ofSeconds(2), Source.Cost.CHEAP).polledEvery(LIMITS_EVERY),
            // the kernel's log from its start, then only its new records; /proc/stat's btime dates them.
            // Optional: containers often have no /dev/kmsg
            new Source(KMSG, new Acquisition.LogDevice("/dev/kmsg", List.of("/proc/stat")), KmsgParser::parse,
                    Duration.ofMillis(300), Source.Cost.CHEAP, true));

    /** The whole connection table, read in place of the {@code ss} dump while it is small. */
    private static final Source FULL_TABLE = new Source(TCP_TABLE, Acquisition.files("/proc/net/tcp", "/proc/net/tcp6"),
            ProcNetTcpParser::parse, Duration.ofMillis(500), Source.Cost.TABLE);
    private static final StandIn SMALL_TABLE = new StandIn(FULL_TABLE, LinuxPlatform::tableIsSmall);

    public LinuxPlatform(FsRoot root) {
        this(new HostInfo(readFirstLine(root, "/proc/sys/kernel/hostname", "localhost"), OsFamily.LINUX,
                "Linux " + readFirstLine(root, "/proc/sys/kernel/osrelease", "unknown")));
    }

    /** A Linux platform whose host is already known (replay, tests). */
    public LinuxPlatform(HostInfo host) {
        super(OsFamily.LINUX, host, SOURCES);
    }

    private static String readFirstLine(FsRoot root, String path, String fallback) {
        try {
            String s = new String(root.read(path), StandardCharsets.UTF_8).strip();
            int nl = s.indexOf('\n');
            return s.isEmpty() ? fallback : nl < 0 ? s : s.substring(0, nl);
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
    }

    @Override
    public List<Source> parseableSources() {
        List<Source> all = new ArrayList<>(SOURCES);
        all.add(FULL_TABLE);
        return all;
    }

    @Override
    public Optional<StandIn> standIn(Source polled) {
        return polled.id().equals(SS_STATES) ? Optional.of(SMALL_TABLE) : Optional.empty();
    }

    /** Sockstat's count of allocated TCP sockets (all namespaces: an upper bound) plus TIME_WAIT. */
    static boolean tableIsSmall(Snapshot last) {
        Long alloc = last.counters().raw().get(SockstatParser.rawName("TCP", "alloc"));
        OptionalLong tw = last.counters().get(CounterId.SOCKETS_TIME_WAIT);
        return alloc != null && tw.isPresent() && alloc + tw.getAsLong() < SMALL_TABLE_SOCKETS;
    }

    /**
     * Completes the filtered dump's partial state counts: ESTABLISHED is {@code Tcp CurrEstab}
     * (which counts ESTABLISHED and CLOSE_WAIT) less CLOSE_WAIT, TIME_WAIT is sockstat's {@code tw}
     * (both per network namespace).
     */
    @Override
    public Snapshot complete(Snapshot s) {
        if (s.states().isEmpty()) {
            return s;
        }
        Map<TcpState, Long> states = new EnumMap<>(TcpState.class);
        states.putAll(s.states().asMap());
        Long currEstab = s.counters().raw().get("TcpCurrEstab");
        if (currEstab != null) {
            states.put(TcpState.ESTABLISHED, Math.max(0, currEstab - s.states().get(TcpState.CLOSE_WAIT)));
        }
        s.counters().get(CounterId.SOCKETS_TIME_WAIT).ifPresent(tw -> states.put(TcpState.TIME_WAIT, tw));
        return new Snapshot(s.at(), s.monoNanos(), s.host(), s.sources(), StateCounts.of(states), s.counters(),
                s.listeners(), s.remotes(), s.tunables());
    }

    @Override
    public Optional<Interventions> interventions(CommandRunner runner, FsRoot root) {
        return Optional.of(new LinuxInterventions(root));
    }

    @Override
    public Optional<OwnSession> sshSession(FsRoot root, long pid) {
        return SshSessionProbe.find(root, pid);
    }
}
