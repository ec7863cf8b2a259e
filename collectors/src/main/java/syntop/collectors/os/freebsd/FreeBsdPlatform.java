package syntop.collectors.os.freebsd;

import java.util.List;

import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.os.bsd.BsdPlatform;
import syntop.collectors.os.bsd.BsdSources;
import syntop.collectors.os.bsd.Dialect;
import syntop.collectors.os.bsd.HostCommands;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.Source;

/**
 * FreeBSD: TCP counters and the kernel's per-state counts from {@code netstat -s -p tcp}, listen
 * queues from {@code netstat -Lan}, the connection table from {@code netstat -an -p tcp} (kept cheap and
 * rare: FreeBSD locks the TCP tables while it lists them), pf's state table and limits from
 * {@code pfctl}, and the syncache and related settings from {@code sysctl}.
 */
public final class FreeBsdPlatform extends BsdPlatform {
    /** {@code -a} is needed: without it FreeBSD drops listening sockets before the {@code -L} test. */
    public static final List<String> NETSTAT_LISTEN = List.of("netstat", "-Lan");

    /** Settings an operator tunes against floods and pile-ups (a subtree name asks for all its keys). */
    public static final List<String> TUNABLES = List.of(
            "net.inet.tcp.syncache", "net.inet.tcp.syncookies", "net.inet.tcp.syncookies_only", "kern.ipc.somaxconn",
            "net.inet.tcp.msl", "net.inet.tcp.keepinit", "net.inet.tcp.finwait2_timeout", "net.inet.tcp.maxtcptw",
            "net.inet.tcp.blackhole", "net.inet.tcp.drop_synfin", "net.inet.ip.portrange.first",
            "net.inet.ip.portrange.last");
    public static final List<String> SYSCTL = BsdSources.sysctl(TUNABLES);
    public static final String LISTEN = Source.slug(NETSTAT_LISTEN);

    /** The release is what {@code uname -sr} prints ("FreeBSD 14.1-RELEASE"). */
    private static final Variant FREEBSD = new Variant(OsFamily.FREEBSD, Dialect.FREEBSD, NETSTAT_LISTEN, TUNABLES,
            runner -> HostCommands.firstLine(runner, "uname", "-sr").orElse("FreeBSD (version unknown)"),
            FreeBsdInterventions::new);

    /** A FreeBSD platform whose host is already known (replay, tests): does no I/O. */
    public FreeBsdPlatform(HostInfo host) {
        super(FREEBSD, host);
    }

    /** The running FreeBSD machine: asks {@code uname} for its name and release, falling back to placeholders. */
    public FreeBsdPlatform(CommandRunner runner) {
        super(FREEBSD, runner);
    }
}
