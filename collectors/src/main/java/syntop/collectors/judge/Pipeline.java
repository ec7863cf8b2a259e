package syntop.collectors.judge;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import syntop.collectors.bundle.BundleReader;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.platform.LastReadings;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Poll;
import syntop.collectors.platform.SourceResult;

/**
 * The one place a tick's source results become a judged tick: {@link LastReadings} assembles the
 * snapshot (carrying what was not polled this tick), {@link Judge} adds it to the history and runs
 * the detectors. The console, {@code once}, {@code record}, {@code serve} and capture bundles all
 * go through it ({@link LivePipeline} for the live ones); replay uses the same two halves apart.
 */
public final class Pipeline {
    private final LastReadings readings;
    private final Judge judge;

    public Pipeline(Platform platform, Thresholds thresholds) {
        this(platform, new Judge(thresholds));
    }

    /** With {@code judge} as the judging half (its own detectors). */
    public Pipeline(Platform platform, Judge judge) {
        this.readings = new LastReadings(platform);
        this.judge = judge;
    }

    /**
     * @param results the sources polled this tick, evaluated
     * @param every   how often each source is polled now; a source without a result is stale
     */
    public synchronized JudgedTick tick(Instant at, long monoNanos, List<SourceResult> results,
                                        Map<String, Duration> every) {
        return judge.add(readings.assemble(at, monoNanos, results, every));
    }

    public JudgedTick tick(Poll poll) {
        return tick(poll.at(), poll.monoNanos(), poll.results(), poll.every());
    }

    /** Every sample of a capture bundle in order (rates come from consecutive samples); the last one judged. */
    public static JudgedTick lastOf(BundleReader capture, Thresholds thresholds) {
        if (capture.sampleCount() == 0) {
            throw new IllegalArgumentException("the capture holds no sample");
        }
        Pipeline p = new Pipeline(capture, thresholds);
        JudgedTick last = null;
        for (int i = 0; i < capture.sampleCount(); i++) {
            last = p.tick(capture.poll(i, last == null ? null : last.snapshot()));
        }
        return last;
    }
}
