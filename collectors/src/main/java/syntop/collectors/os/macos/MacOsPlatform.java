package syntop.collectors.os.macos;

import java.util.List;
import java.util.Optional;

import syntop.collectors.action.Interventions;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.os.bsd.BsdSources;
import syntop.collectors.os.bsd.Dialect;
import syntop.collectors.os.bsd.HostCommands;
import syntop.collectors.os.bsd.OwnerSources;
import syntop.collectors.platform.Platform;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.Source;

/**
 * macOS: TCP counters from {@code netstat -s -p tcp} (zeroed for non-root users while
 * {@code net.inet.tcp.disable_access_to_stats} is 1), listen queues from {@code netstat -aLn -p tcp}
 * ({@code -p tcp} keeps the newest netstat from appending its routing and pfkey socket tables), the
 * connection table from {@code netstat -an -p tcp} (macOS has no per-state counters), pf from
 * {@code pfctl} (root only), and settings from {@code sysctl} (key names change between releases; the
 * missing ones are named in the source's note).
 */
public final class MacOsPlatform implements Platform {
    public static final List<String> NETSTAT_STATS = BsdSources.NETSTAT_STATS;
    public static final List<String> NETSTAT_LISTEN = List.of("netstat", "-aLn", "-p", "tcp");
    public static final List<String> NETSTAT_CONNECTIONS = BsdSources.NETSTAT_CONNECTIONS;
    public static final List<String> PFCTL_INFO = BsdSources.PFCTL_INFO;
    public static final List<String> PFCTL_MEMORY = BsdSources.PFCTL_MEMORY;

    /** Settings an operator tunes against floods and pile-ups; macOS has no syncache or syncookie keys. */
    public static final List<String> TUNABLES = List.of(
            "kern.ipc.somaxconn", "net.inet.tcp.msl", "net.inet.tcp.keepinit", "net.inet.tcp.blackhole",
            "net.inet.tcp.drop_synfin", "net.inet.tcp.tcp_lq_overflow", "net.inet.tcp.disable_access_to_stats",
            "net.inet.tcp.pcbcount", "net.inet.tcp.tw_pcbcount", "net.inet.ip.portrange.first",
            "net.inet.ip.portrange.last", "net.inet.tcp.fin_timeout");
    public static final List<String> SYSCTL = BsdSources.sysctl(TUNABLES);

    public static final String STATS = Source.slug(NETSTAT_STATS);
    public static final String LISTEN = Source.slug(NETSTAT_LISTEN);
    public static final String CONNECTIONS = Source.slug(NETSTAT_CONNECTIONS);
    public static final String PF_INFO = Source.slug(PFCTL_INFO);
    public static final String PF_MEMORY = Source.slug(PFCTL_MEMORY);
    public static final String TUNABLES_ID = BsdSources.SYSCTL_ID;
    public static final String KERNEL_LOG = Source.slug(BsdSources.DMESG);

    private static final List<Source> SOURCES = java.util.stream.Stream.concat(
            BsdSources.of(Dialect.MACOS, NETSTAT_LISTEN, TUNABLES).stream(), java.util.stream.Stream.of(OwnerSources.lsof()))
            .toList();

    private final HostInfo host;

    /** A macOS platform whose host is already known (replay, tests): does no I/O. */
    public MacOsPlatform(HostInfo host) {
        this.host = host;
    }

    /** The running Mac: asks {@code uname -n} and {@code sw_vers}, then {@code uname -sr}, falling back to placeholders. */
    public MacOsPlatform(CommandRunner runner) {
        this(new HostInfo(HostCommands.firstLine(runner, "uname", "-n").orElse("localhost"), OsFamily.MACOS,
                HostCommands.firstLine(runner, "sw_vers", "-productVersion").map(v -> "macOS " + v)
                        .or(() -> HostCommands.firstLine(runner, "uname", "-sr"))
                        .orElse("macOS (version unknown)")));
    }

    @Override
    public OsFamily os() {
        return OsFamily.MACOS;
    }

    @Override
    public HostInfo host() {
        return host;
    }

    @Override
    public List<Source> sources() {
        return SOURCES;
    }

    @Override
    public Optional<Interventions> interventions(CommandRunner runner, FsRoot root) {
        return Optional.of(new MacOsInterventions(runner));
    }
}
