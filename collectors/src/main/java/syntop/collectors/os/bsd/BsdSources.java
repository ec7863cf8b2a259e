package syntop.collectors.os.bsd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import syntop.collectors.source.Acquisition;
import syntop.collectors.source.Source;
import syntop.collectors.source.SourceParser;

/**
 * The sources FreeBSD and macOS both poll, in priority order. What differs between them is given:
 * the wording of {@code netstat -s}, the arguments that list listen queues, and the sysctl keys.
 */
public final class BsdSources {
    public static final List<String> NETSTAT_STATS = List.of("netstat", "-s", "-p", "tcp");
    public static final List<String> NETSTAT_CONNECTIONS = List.of("netstat", "-an", "-p", "tcp");
    public static final List<String> PFCTL_INFO = List.of("pfctl", "-si");
    public static final List<String> PFCTL_MEMORY = List.of("pfctl", "-sm");
    /** The kernel's message buffer (kern.msgbuf), printed whole: read every few seconds, not each tick. */
    public static final List<String> DMESG = List.of("dmesg");

    /**
     * The id of the settings source. Not its argv slug like the others: a dozen keys make a slug of
     * 300 characters for chips, metrics labels and {@code parse --source}; the slug is still accepted
     * ({@link Source#answersTo}).
     */
    public static final String SYSCTL_ID = "sysctl";

    private static final Duration COMMAND_BUDGET = Duration.ofSeconds(2);
    /** The full listing locks the tables (FreeBSD): give up after a second and poll it less often (see Sampler). */
    private static final Duration TABLE_BUDGET = Duration.ofSeconds(1);

    private BsdSources() {
    }

    /** {@code sysctl} with these keys (a subtree name asks for all its keys). */
    public static List<String> sysctl(List<String> keys) {
        List<String> a = new ArrayList<>();
        a.add("sysctl");
        a.addAll(keys);
        return List.copyOf(a);
    }

    public static List<Source> of(Dialect dialect, List<String> netstatListen, List<String> tunables) {
        return List.of(
                command(NETSTAT_STATS, t -> NetstatTcpStatsParser.parse(t.lines(), dialect), COMMAND_BUDGET,
                        Source.Cost.CHEAP),
                command(netstatListen, t -> NetstatListenParser.parse(t.lines()), COMMAND_BUDGET, Source.Cost.CHEAP),
                command(NETSTAT_CONNECTIONS, t -> NetstatConnectionsParser.parse(t.lines()), TABLE_BUDGET,
                        Source.Cost.TABLE),
                command(PFCTL_INFO, t -> PfctlInfoParser.parse(t.lines()), COMMAND_BUDGET, Source.Cost.CHEAP),
                command(PFCTL_MEMORY, t -> PfctlMemoryParser.parse(t.lines()), COMMAND_BUDGET, Source.Cost.CHEAP)
                        .polledEvery(Source.SETTINGS_EVERY),
                new Source(SYSCTL_ID, new Acquisition.Command(sysctl(tunables)),
                        t -> SysctlParser.parse(t.lines(), tunables), COMMAND_BUDGET, Source.Cost.CHEAP)
                        .polledEvery(Source.SETTINGS_EVERY),
                command(DMESG, t -> DmesgParser.parse(t.lines()), COMMAND_BUDGET, Source.Cost.CHEAP)
                        .polledEvery(Source.SETTINGS_EVERY));
    }

    private static Source command(List<String> argv, SourceParser parser, Duration budget, Source.Cost cost) {
        return new Source(Source.slug(argv), new Acquisition.Command(argv), parser, budget, cost);
    }
}
