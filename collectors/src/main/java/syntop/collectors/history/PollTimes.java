package syntop.collectors.history;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/** Poll time of each source, in microseconds, in an HdrHistogram (1 µs to 10 minutes, 3 significant digits). */
public final class PollTimes {
    private static final long MAX_MICROS = 600_000_000L;
    private final Map<String, Histogram> bySource = new LinkedHashMap<>();

    public synchronized void record(String sourceId, Duration took) {
        long us = Math.max(1, Math.min(MAX_MICROS, took.toNanos() / 1000));
        bySource.computeIfAbsent(sourceId, k -> new Histogram(MAX_MICROS, 3)).recordValue(us);
    }

    /** The poll time at a percentile (0..100), or empty when the source was never polled. */
    public synchronized java.util.Optional<Duration> percentile(String sourceId, double percentile) {
        Histogram h = bySource.get(sourceId);
        if (h == null || h.getTotalCount() == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Duration.ofNanos(h.getValueAtPercentile(percentile) * 1000));
    }

    public synchronized long count(String sourceId) {
        Histogram h = bySource.get(sourceId);
        return h == null ? 0 : h.getTotalCount();
    }

    /** A copy of one source's histogram (for export), or empty. */
    public synchronized java.util.Optional<Histogram> copy(String sourceId) {
        Histogram h = bySource.get(sourceId);
        return h == null ? java.util.Optional.empty() : java.util.Optional.of(h.copy());
    }

    public synchronized java.util.Set<String> sources() {
        return java.util.Set.copyOf(bySource.keySet());
    }
}
