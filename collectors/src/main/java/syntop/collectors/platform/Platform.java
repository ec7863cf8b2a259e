package syntop.collectors.platform;

import java.util.List;
import java.util.Optional;

import syntop.collectors.action.Interventions;
import syntop.collectors.action.OwnSession;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.Source;

/**
 * Everything syntop knows about one OS family, in one place: which sources it reads, how to
 * name the host, and which interventions it offers. Generic code asks the platform and never switches on the OS.
 */
public interface Platform {
    OsFamily os();

    /** Host name and OS version, read once at start. */
    HostInfo host();

    /** The sources polled each tick, in priority order (the first source with state counts wins). */
    List<Source> sources();

    /**
     * Fills in what this OS derives from several sources at once (e.g. Linux counts the states that
     * pile up by a filtered dump and the rest from counters). Called on every assembled snapshot.
     */
    default Snapshot complete(Snapshot assembled) {
        return assembled;
    }

    /**
     * Every source whose saved output this platform can parse ({@code syntop parse}): the polled ones,
     * and any that are too costly to poll but worth reading from a capture.
     */
    default List<Source> parseableSources() {
        return sources();
    }

    /**
     * A cheaper source that may be polled in place of {@code polled} (see {@link StandIn}); it must be
     * among {@link #parseableSources()} so its saved outputs replay.
     */
    default Optional<StandIn> standIn(Source polled) {
        return Optional.empty();
    }

    /**
     * Every source the live sampler may poll: each of {@link #sources()}, followed by its stand-in.
     * A capture takes all of them, so that it replays as the host was seen whichever was read.
     */
    default List<Source> pollableSources() {
        List<Source> out = new java.util.ArrayList<>();
        for (Source s : sources()) {
            out.add(s);
            standIn(s).map(StandIn::source).filter(si -> !out.contains(si)).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** The source of this id, or of a name it was known by before ({@link Source#answersTo}). */
    default Optional<Source> source(String id) {
        List<Source> all = parseableSources();
        return all.stream().filter(s -> s.id().equals(id)).findFirst()
                .or(() -> all.stream().filter(s -> s.answersTo(id)).findFirst());
    }

    /**
     * What an operator can do on this OS: set sysctl keys, drop connections, block sources.
     * {@code runner} runs the reads the OS needs (sysctl on the BSDs); {@code root} is where
     * {@code /proc} is read. Empty when syntop knows no interventions for the OS.
     */
    default Optional<Interventions> interventions(CommandRunner runner, FsRoot root) {
        return Optional.empty();
    }

    /**
     * The SSH session process {@code pid} runs under, read from this OS's process and socket
     * tables under {@code root} (not from the environment, which sudo strips). Empty when the
     * process is not under sshd, or when this OS cannot tell.
     */
    default Optional<OwnSession> sshSession(FsRoot root, long pid) {
        return Optional.empty();
    }
}
