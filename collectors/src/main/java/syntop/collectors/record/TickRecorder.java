package syntop.collectors.record;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import syntop.collectors.detect.Verdict;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.model.Reading;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.platform.StandIn;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.Source;
import syntop.collectors.threads.Daemons;

/**
 * Records every tick: decides what of each source to keep, and queues the tick for a writer thread,
 * so a slow or full disk never delays sampling. A source's raw output is kept when it is at most
 * {@code rawTableLimit} bytes; a bigger one (a connection table at tens of thousands of sockets)
 * is kept raw on its first poll and every {@code rawTableEvery}-th poll after, and only parsed on the
 * others (docs/recording-format.md says why and what it costs).
 */
public final class TickRecorder implements LivePipeline.Listener, AutoCloseable {
    /** Raw outputs up to 1 MiB (a /proc/net/tcp of about 7,000 sockets) are kept every tick. */
    public static final long DEFAULT_RAW_TABLE_LIMIT = 1L << 20;
    /** Bigger ones are kept raw every 300th poll (every 5 minutes at 1 s). */
    public static final int DEFAULT_RAW_TABLE_EVERY = 300;
    private static final int QUEUE = 16;

    private final Platform platform;
    private final RecordWriter writer;
    private final long rawTableLimit;
    private final int rawTableEvery;
    private final Map<String, Long> polls = new HashMap<>();
    private final BlockingQueue<TickRecord> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;

    public TickRecorder(Platform platform, RecordWriter writer, long rawTableLimit, int rawTableEvery) {
        this.platform = platform;
        this.writer = writer;
        this.rawTableLimit = rawTableLimit;
        this.rawTableEvery = Math.max(1, rawTableEvery);
        this.thread = Daemons.thread("syntop-recorder", this::writeLoop);
        this.thread.start();
    }

    @Override
    public void onTick(JudgedTick tick, List<SourceResult> results) {
        if (stopping) {
            return;
        }
        TickRecord t = record(tick.snapshot(), results, tick.verdicts());
        if (!queue.offer(t)) {
            dropped.incrementAndGet();
        }
    }

    /** What is kept of one tick. */
    TickRecord record(Snapshot snapshot, List<SourceResult> results, List<Verdict> verdicts) {
        Map<String, SourceResult> byId = StandIn.byId(results);
        List<TickRecord.SourceEntry> entries = new ArrayList<>();
        for (Source s : platform.sources()) {
            SourceResult r = StandIn.resultFor(platform, s, byId);
            if (r == null) {
                SourceStatus st = snapshot.sources().get(s.id());
                entries.add(new TickRecord.NotPolled(s.id(), st == null ? Duration.ZERO : st.every()));
                continue;
            }
            long n = polls.merge(s.id(), 1L, Long::sum) - 1;
            long size = r.raw().size();
            // a log device's output is read once, never again: it is always kept raw
            if (size > rawTableLimit && n % rawTableEvery != 0 && !(s.acquisition() instanceof Acquisition.LogDevice)) {
                Reading reading = r.status().isOk() ? r.parsed().value() : Reading.empty();
                entries.add(new TickRecord.ParsedOnly(r.status(), reading, size));
            } else {
                entries.add(new TickRecord.Raw(r.raw(), r.status().every()));
            }
        }
        return new TickRecord(snapshot.at(), snapshot.monoNanos(), entries, snapshot,
                TickRecord.VerdictMark.of(verdicts));
    }

    private void writeLoop() {
        try {
            while (!stopping || !queue.isEmpty()) {
                TickRecord t = queue.poll(200, TimeUnit.MILLISECONDS);
                if (t == null) {
                    continue;
                }
                long d = dropped.getAndSet(0);
                if (d > 0) {
                    writer.gap(d + " tick" + (d == 1 ? "" : "s") + " dropped: the disk was slower than the sampling");
                }
                writer.tick(t);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public RecordWriter.Status status() {
        return writer.status();
    }

    /** One line for the console header: "REC", or "REC paused: disk full (12 ticks lost)". */
    public String statusLine() {
        RecordWriter.Status s = writer.status();
        if (s.state() == RecordWriter.State.PAUSED) {
            return "REC paused: " + shortReason(s.reason()) + " (" + s.lost() + " tick" + (s.lost() == 1 ? "" : "s")
                    + " lost)";
        }
        return s.state() == RecordWriter.State.CLOSED ? "REC closed" : "REC";
    }

    private static String shortReason(String r) {
        int p = r.indexOf(" (");
        return p > 0 ? r.substring(0, p) : r;
    }

    /** Writes what is queued (waiting at most {@code wait}), then a closing note, and closes the file. */
    public void close(String closingNote, Duration wait) {
        stopping = true;
        try {
            thread.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer.close(closingNote);
    }

    @Override
    public void close() {
        close(null, Duration.ofSeconds(10));
    }
}
