package syntop.collectors.os.bsd;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import syntop.collectors.action.Interventions;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.os.common.HostPlatform;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.Source;

/**
 * What FreeBSD and macOS share as platforms: the commands both run and their source ids, how the
 * host is named, and the sources and interventions of one {@link Variant}. A subclass gives only
 * its variant: how it lists listen queues, its sysctl keys, how it learns its release and how it
 * acts.
 */
public abstract class BsdPlatform extends HostPlatform {
    public static final List<String> NETSTAT_STATS = BsdSources.NETSTAT_STATS;
    public static final List<String> NETSTAT_CONNECTIONS = BsdSources.NETSTAT_CONNECTIONS;
    public static final List<String> PFCTL_INFO = BsdSources.PFCTL_INFO;
    public static final List<String> PFCTL_MEMORY = BsdSources.PFCTL_MEMORY;

    public static final String STATS = Source.slug(NETSTAT_STATS);
    public static final String CONNECTIONS = Source.slug(NETSTAT_CONNECTIONS);
    public static final String PF_INFO = Source.slug(PFCTL_INFO);
    public static final String PF_MEMORY = Source.slug(PFCTL_MEMORY);
    public static final String TUNABLES_ID = BsdSources.SYSCTL_ID;
    public static final String KERNEL_LOG = Source.slug(BsdSources.DMESG);

    /**
     * One BSD: its family, the sources it polls (built once, from its wording, the argv that lists
     * its listen queues and the sysctl keys it asks for), how it learns its release (never failing:
     * a placeholder when no command answers) and the interventions it offers, which read settings
     * through the runner.
     */
    public static final class Variant {
        private final OsFamily os;
        private final List<Source> sources;
        private final Function<CommandRunner, String> release;
        private final Function<CommandRunner, Interventions> interventions;

        public Variant(OsFamily os, Dialect dialect, List<String> netstatListen, List<String> tunables,
                Function<CommandRunner, String> release, Function<CommandRunner, Interventions> interventions) {
            this.os = os;
            this.sources = BsdSources.of(dialect, netstatListen, tunables);
            this.release = release;
            this.interventions = interventions;
        }
    }

    private final Variant variant;

    /** A platform whose host is already known (replay, tests): does no I/O. */
    protected BsdPlatform(Variant variant, HostInfo host) {
        super(variant.os, host, variant.sources);
        this.variant = variant;
    }

    /** The running machine: asks {@code uname -n} for its name and the variant for its release, falling back to placeholders. */
    protected BsdPlatform(Variant variant, CommandRunner runner) {
        this(variant, new HostInfo(HostCommands.firstLine(runner, "uname", "-n").orElse("localhost"), variant.os,
                variant.release.apply(runner)));
    }

    @Override
    public final Optional<Interventions> interventions(CommandRunner runner, FsRoot root) {
        return Optional.of(variant.interventions.apply(runner));
    }
}
