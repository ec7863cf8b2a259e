package syntop.collectors.os.macos;

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
 * macOS: TCP counters from {@code netstat -s -p tcp} (zeroed for non-root users while
 * {@code net.inet.tcp.disable_access_to_stats} is 1), listen queues from {@code netstat -aLn -p tcp}
 * ({@code -p tcp} keeps the newest netstat from appending its routing and pfkey socket tables), the
 * connection table from {@code netstat -an -p tcp} (macOS has no per-state counters), pf from
 * {@code pfctl} (root only), and settings from {@code sysctl} (key names change between releases; the
 * missing ones are named in the source's note).
 */
public final class MacOsPlatform extends BsdPlatform {
    public static final List<String> NETSTAT_LISTEN = List.of("netstat", "-aLn", "-p", "tcp");

    /** Settings an operator tunes against floods and pile-ups; macOS has no syncache or syncookie keys. */
    public static final List<String> TUNABLES = List.of(
            "kern.ipc.somaxconn", "net.inet.tcp.msl", "net.inet.tcp.keepinit", "net.inet.tcp.blackhole",
            "net.inet.tcp.drop_synfin", "net.inet.tcp.tcp_lq_overflow", "net.inet.tcp.disable_access_to_stats",
            "net.inet.tcp.pcbcount", "net.inet.tcp.tw_pcbcount", "net.inet.ip.portrange.first",
            "net.inet.ip.portrange.last", "net.inet.tcp.fin_timeout");
    public static final List<String> SYSCTL = BsdSources.sysctl(TUNABLES);
    public static final String LISTEN = Source.slug(NETSTAT_LISTEN);

    /** The release from {@code sw_vers} ("macOS 14.5"), else what {@code uname -sr} prints (Darwin's version). */
    private static final Variant MACOS = new Variant(OsFamily.MACOS, Dialect.MACOS, NETSTAT_LISTEN, TUNABLES,
            runner -> HostCommands.firstLine(runner, "sw_vers", "-productVersion").map(v -> "macOS " + v)
                    .or(() -> HostCommands.firstLine(runner, "uname", "-sr"))
                    .orElse("macOS (version unknown)"),
            MacOsInterventions::new);

    /** A macOS platform whose host is already known (replay, tests): does no I/O. */
    public MacOsPlatform(HostInfo host) {
        super(MACOS, host);
    }

    /** The running Mac: asks {@code uname -n} and {@code sw_vers}, then {@code uname -sr}, falling back to placeholders. */
    public MacOsPlatform(CommandRunner runner) {
        super(MACOS, runner);
    }
}
