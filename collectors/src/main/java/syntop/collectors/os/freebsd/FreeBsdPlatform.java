package syntop.collectors.os.freebsd;

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
 * FreeBSD: TCP counters and the kernel's per-state counts from {@code netstat -s -p tcp}, listen
 * queues from {@code netstat -Lan}, the connection table from {@code netstat -an -p tcp} (kept cheap and
 * rare: FreeBSD locks the TCP tables while it lists them), pf's state table and limits from
 * {@code pfctl}, and the syncache and related settings from {@code sysctl}.
 */
public final class FreeBsdPlatform implements Platform {
    public static final List<String> NETSTAT_STATS = BsdSources.NETSTAT_STATS;
    /** {@code -a} is needed: without it FreeBSD drops listening sockets before the {@code -L} test. */
    public static final List<String> NETSTAT_LISTEN = List.of("netstat", "-Lan");
    public static final List<String> NETSTAT_CONNECTIONS = BsdSources.NETSTAT_CONNECTIONS;
    public static final List<String> PFCTL_INFO = BsdSources.PFCTL_INFO;
    public static final List<String> PFCTL_MEMORY = BsdSources.PFCTL_MEMORY;

    /** Settings an operator tunes against floods and pile-ups (a subtree name asks for all its keys). */
    public static final List<String> TUNABLES = List.of(
            "net.inet.tcp.syncache", "net.inet.tcp.syncookies", "net.inet.tcp.syncookies_only", "kern.ipc.somaxconn",
            "net.inet.tcp.msl", "net.inet.tcp.keepinit", "net.inet.tcp.finwait2_timeout", "net.inet.tcp.maxtcptw",
            "net.inet.tcp.blackhole", "net.inet.tcp.drop_synfin", "net.inet.ip.portrange.first",
            "net.inet.ip.portrange.last");
    public static final List<String> SYSCTL = BsdSources.sysctl(TUNABLES);

    public static final String STATS = Source.slug(NETSTAT_STATS);
    public static final String LISTEN = Source.slug(NETSTAT_LISTEN);
    public static final String CONNECTIONS = Source.slug(NETSTAT_CONNECTIONS);
    public static final String PF_INFO = Source.slug(PFCTL_INFO);
    public static final String PF_MEMORY = Source.slug(PFCTL_MEMORY);
    public static final String TUNABLES_ID = BsdSources.SYSCTL_ID;
    public static final String KERNEL_LOG = Source.slug(BsdSources.DMESG);

    private static final List<Source> SOURCES = java.util.stream.Stream.concat(
            BsdSources.of(Dialect.FREEBSD, NETSTAT_LISTEN, TUNABLES).stream(), java.util.stream.Stream.of(OwnerSources.sockstat()))
            .toList();

    private final HostInfo host;

    /** A FreeBSD platform whose host is already known (replay, tests): does no I/O. */
    public FreeBsdPlatform(HostInfo host) {
        this.host = host;
    }

    /** The running FreeBSD machine: asks {@code uname} for its name and release, falling back to placeholders. */
    public FreeBsdPlatform(CommandRunner runner) {
        this(new HostInfo(HostCommands.firstLine(runner, "uname", "-n").orElse("localhost"), OsFamily.FREEBSD,
                HostCommands.firstLine(runner, "uname", "-sr").orElse("FreeBSD (version unknown)")));
    }

    @Override
    public OsFamily os() {
        return OsFamily.FREEBSD;
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
        return Optional.of(new FreeBsdInterventions(runner));
    }
}
