package syntop.collectors.os.bsd;

import java.time.Duration;
import java.util.List;

import syntop.collectors.source.Acquisition;
import syntop.collectors.source.Source;

/**
 * The sources that name the processes holding listening sockets on the BSDs, where netstat lists
 * queues without owners: FreeBSD's {@code sockstat}, macOS's {@code lsof} (it walks every
 * process: slow on a busy Mac). Both are read at the settings' pace, and in the background, so a
 * slow read never holds a tick; their last listing holds between reads.
 */
public final class OwnerSources {
    public static final List<String> SOCKSTAT = List.of("sockstat", "-l", "-P", "tcp");
    public static final List<String> LSOF = List.of("lsof", "-nP", "-iTCP", "-sTCP:LISTEN", "-FpcuLftn");

    private static final Duration BUDGET = Duration.ofSeconds(5);

    private OwnerSources() {
    }

    public static Source sockstat() {
        return new Source(Source.slug(SOCKSTAT), new Acquisition.Command(SOCKSTAT),
                t -> SockstatParser.parse(t.lines()), BUDGET, Source.Cost.CHEAP)
                .polledEvery(Source.SETTINGS_EVERY).inBackground();
    }

    public static Source lsof() {
        return new Source(Source.slug(LSOF), new Acquisition.Command(LSOF),
                t -> LsofListenParser.parse(t.lines()), BUDGET, Source.Cost.CHEAP)
                .polledEvery(Source.SETTINGS_EVERY).inBackground();
    }
}
