package syntop.collectors.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import syntop.collectors.model.Snapshot;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.Source;
import syntop.collectors.threads.Daemons;

/**
 * Polls a platform's sources once per tick and evaluates their outputs; assembling and judging the
 * tick is the pipeline's job ({@code judge.Pipeline}). Sources run in parallel so
 * one slow command does not hold the others; each is killed past its budget. A table source is
 * polled no more often than keeps its cost (the poll's time and its parse) within
 * {@link #TABLE_SHARE_PERCENT}% of the time, so a table of half a million sockets is read every few
 * seconds rather than making a loaded machine busier; between polls its last reading is reused and
 * marked stale with the reason. Cheap counter sources stay at the chosen interval. A source whose
 * output was over the output cap waits twice as long after each such poll. A background source
 * (lsof, slow and slowly changing) is waited for only at its first poll: later reads run while
 * the ticks go on, and each joins the first tick after it completed.
 */
public final class Sampler implements AutoCloseable {
    /** The longest a backed-off source waits between polls. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /**
     * The share of the time a table source may take, 2 % of one core: at 1 s a read of up to 20 ms runs
     * every tick. The filtered ss dump of a 100k-socket table costs 30-50 ms of kernel time here
     * (the kernel visits every socket, TIME_WAIT ones too), so it is read every 2-3 s.
     */
    static final int TABLE_SHARE_PERCENT = 2;

    private final Platform platform;
    private final Acquirer acquirer;
    private final Clock clock;
    private final LongSupplier monoNanos;
    private final ExecutorService pool;
    private final Map<String, SourceState> states = new HashMap<>();
    /** Reads of background sources still under way, by source id. */
    private final Map<String, Future<RawOutput>> background = new HashMap<>();
    private Duration interval;

    private static final class SourceState {
        Duration every;
        long nextDueNanos;
        boolean everPolled;
    }

    public Sampler(Platform platform, Acquirer acquirer, Clock clock, LongSupplier monoNanos, Duration interval) {
        this.platform = platform;
        this.acquirer = acquirer;
        this.clock = clock;
        this.monoNanos = monoNanos;
        this.interval = interval;
        this.pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, platform.sources().size())), Daemons.named("syntop-probe"));
        for (Source s : platform.sources()) {
            SourceState st = new SourceState();
            st.every = floor(s, interval);
            states.put(s.id(), st);
        }
    }

    public static Sampler live(Platform platform, Acquirer acquirer, Duration interval) {
        return new Sampler(platform, acquirer, Clock.systemUTC(), System::nanoTime, interval);
    }

    public Platform platform() {
        return platform;
    }

    public synchronized void setInterval(Duration newInterval) {
        this.interval = newInterval;
        for (Source s : platform.sources()) {
            SourceState st = states.get(s.id());
            if (st.every.compareTo(floor(s, newInterval)) < 0) {
                st.every = floor(s, newInterval);
            }
        }
    }

    public synchronized Duration interval() {
        return interval;
    }

    /**
     * Polls every source that is due.
     *
     * @param last the snapshot of the previous tick (null at the first), which says whether a
     *             cheaper stand-in may be read
     */
    public synchronized Poll poll(Snapshot last) {
        long now = monoNanos.getAsLong();
        Instant at = clock.instant();
        List<Source> sources = platform.sources();
        Map<String, Future<RawOutput>> running = new HashMap<>();
        Map<String, Source> polledAs = new HashMap<>();
        for (Source s : sources) {
            SourceState st = states.get(s.id());
            Future<RawOutput> behind = background.get(s.id());
            if (behind != null) {
                // read in the background: its output joins the first tick after it came
                if (behind.isDone()) {
                    background.remove(s.id());
                    polledAs.put(s.id(), s);
                    running.put(s.id(), behind);
                }
                continue;
            }
            if (!st.everPolled || now - st.nextDueNanos >= 0) {
                Source poll = StandIn.toPoll(platform, s, last);
                polledAs.put(s.id(), poll);
                Future<RawOutput> f = pool.submit(() -> acquirer.acquire(poll));
                if (s.background() && st.everPolled) {
                    background.put(s.id(), f);
                    st.nextDueNanos = now + st.every.toNanos() - interval.toNanos() / 10;
                } else {
                    running.put(s.id(), f);
                }
            }
        }
        List<SourceResult> results = new ArrayList<>();
        Map<String, Duration> every = new HashMap<>();
        for (Source s : sources) {
            SourceState st = states.get(s.id());
            Future<RawOutput> f = running.get(s.id());
            if (f != null) {
                RawOutput raw = await(s, f);
                long parseStart = System.nanoTime();
                SourceResult r = SourceEvaluation.evaluate(polledAs.get(s.id()), raw, Duration.ZERO);
                Duration parsing = Duration.ofNanos(System.nanoTime() - parseStart);
                if (raw.outcome() == RawOutput.Outcome.TOO_LARGE) {
                    backOff(s, st);
                } else if (polledAs.get(s.id()) != s) {
                    // a stand-in is only polled while the table is small; if it grew meanwhile, the next
                    // tick reads it the other way and measures that
                    st.every = floor(s, interval);
                } else if (st.everPolled) {
                    // (the first poll pays for loading code and the JVM's first fork: no measure of the source)
                    adapt(s, st, raw.took().plus(parsing));
                }
                results.add(r.every(st.every));
                if (!s.background() || !st.everPolled) {
                    // (a background read is next due from when it was started)
                    st.nextDueNanos = now + st.every.toNanos() - interval.toNanos() / 10;
                }
                st.everPolled = true;
            }
            every.put(s.id(), st.every);
        }
        return new Poll(at, now, results, every);
    }

    /** The shortest period a source is polled at: the interval, or its own longer period. */
    private static Duration floor(Source s, Duration interval) {
        return s.every().compareTo(interval) > 0 ? s.every() : interval;
    }

    /**
     * A table source is next polled after {@code cost} / {@value #TABLE_SHARE_PERCENT}%, in whole
     * intervals, at most {@link #MAX_BACKOFF} (one that took 50 ms is read every 3 s at a 1 s interval);
     * measured again at every poll, so it returns to every tick as soon as it is cheap again.
     */
    private void adapt(Source s, SourceState st, Duration cost) {
        Duration floor = floor(s, interval);
        if (s.cost() != Source.Cost.TABLE) {
            st.every = floor;
            return;
        }
        long wantNanos = cost.toNanos() * (100 / TABLE_SHARE_PERCENT);
        long step = interval.toNanos();
        Duration every = Duration.ofNanos((wantNanos + step - 1) / step * step);
        Duration cap = MAX_BACKOFF.compareTo(floor) > 0 ? MAX_BACKOFF : floor;
        st.every = every.compareTo(floor) < 0 ? floor : every.compareTo(cap) > 0 ? cap : every;
    }

    /**
     * An output over the cap will most likely be over it next second too, and each try costs the
     * host a full listing: wait twice as long after each such poll, up to {@link #MAX_BACKOFF}.
     */
    private void backOff(Source s, SourceState st) {
        Duration floor = floor(s, interval);
        Duration doubled = st.everPolled ? st.every.multipliedBy(2) : floor.multipliedBy(2);
        Duration cap = MAX_BACKOFF.compareTo(floor) > 0 ? MAX_BACKOFF : floor;
        st.every = doubled.compareTo(cap) > 0 ? cap : doubled;
    }

    private static RawOutput await(Source s, Future<RawOutput> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RawOutput.failed(s.id(), RawOutput.Outcome.FAILED, Duration.ZERO, "interrupted");
        } catch (ExecutionException e) {
            return RawOutput.failed(s.id(), RawOutput.Outcome.FAILED, Duration.ZERO, String.valueOf(e.getCause()));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
