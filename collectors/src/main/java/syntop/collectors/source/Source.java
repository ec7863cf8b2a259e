package syntop.collectors.source;

import java.time.Duration;
import java.util.Objects;

/**
 * One thing syntop reads each tick: how to get the text, how to parse it, and how much time it may take.
 *
 * @param id          stable id: the argv slug for commands ({@code netstat-s-p-tcp}), a name for files
 *                    ({@code proc-net-netstat}); also the recording key and the {@code parse --source} value
 * @param acquisition the command or files
 * @param parser      the pure parser
 * @param budget      the time a poll may take; a command is killed past it, and a source slower than
 *                    this is polled less often
 * @param cost        cheap counter sources stay at the chosen interval; table sources may back off
 * @param optional    a feature that many machines lack (e.g. netfilter SYNPROXY): its absence is not a failure
 * @param every       the shortest time between two polls ({@link Duration#ZERO}: every tick); for a source
 *                    too costly to read each second whose data changes slowly
 * @param background  read without holding the tick (after its first poll): its output is taken at the
 *                    first tick after it came, and its last reading holds meanwhile; for a slow command
 *                    whose data changes slowly ({@code lsof})
 */
public record Source(String id, Acquisition acquisition, SourceParser parser, Duration budget, Cost cost,
                     boolean optional, Duration every, boolean background) {
    public enum Cost { CHEAP, TABLE }

    /**
     * How often settings are read (sysctl values, pf's limits): they change only when someone changes
     * them, and reading a dozen of them each second is a measurable part of an idle console's cost.
     */
    public static final Duration SETTINGS_EVERY = Duration.ofSeconds(5);

    /** A source every machine of its OS is expected to have, read every tick. */
    public Source(String id, Acquisition acquisition, SourceParser parser, Duration budget, Cost cost) {
        this(id, acquisition, parser, budget, cost, false, Duration.ZERO, false);
    }

    /** A source read every tick. */
    public Source(String id, Acquisition acquisition, SourceParser parser, Duration budget, Cost cost,
                  boolean optional) {
        this(id, acquisition, parser, budget, cost, optional, Duration.ZERO, false);
    }

    /** The same source, read at most once per {@code period}. */
    public Source polledEvery(Duration period) {
        return new Source(id, acquisition, parser, budget, cost, optional, period, background);
    }

    /** The same source, read in the background after its first poll (see {@code background}). */
    public Source inBackground() {
        return new Source(id, acquisition, parser, budget, cost, optional, every, true);
    }

    public Source {
        Objects.requireNonNull(id);
        Objects.requireNonNull(acquisition);
        Objects.requireNonNull(parser);
        Objects.requireNonNull(budget);
        Objects.requireNonNull(cost);
        Objects.requireNonNull(every);
    }

    /**
     * True for this source's id, and for a command source also for the slug of its argv: what
     * syntop 0.x named every command source by, and what recordings and bundles of that time hold
     * (the BSD {@code sysctl} source was {@code sysctl-kern.ipc.somaxconn-net.inet.tcp.msl-…}).
     */
    public boolean answersTo(String name) {
        return id.equals(name) || (acquisition instanceof Acquisition.Command c && slug(c.argv()).equals(name));
    }

    /** The slug of an argv: without leading dashes, joined by '-', case kept ({@code netstat -s -p tcp} → {@code netstat-s-p-tcp}). */
    public static String slug(java.util.List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            String t = a.replaceFirst("^-+", "");
            String base = t.contains("/") ? t.substring(t.lastIndexOf('/') + 1) : t;
            if (base.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('-');
            }
            sb.append(base);
        }
        return sb.toString();
    }
}
