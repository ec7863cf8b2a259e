package syntop.collectors.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import syntop.collectors.model.KernelEvent;
import syntop.collectors.model.Reading;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.Snapshot;
import syntop.collectors.source.Source;
import syntop.collectors.text.Durations;

/**
 * The stateful half of assembling a tick: remembers each source's last reading and status, so a
 * source not polled this tick contributes that reading (marked stale with the reason, unless it is
 * read less often by design), then hands the tick to {@link SnapshotMerge}. The live pipeline,
 * replay and capture bundles share it, so a replayed tick is assembled exactly as it was live.
 */
public final class LastReadings {
    private final Platform platform;
    private final Map<String, Reading> lastReading = new HashMap<>();
    private final Map<String, SourceStatus> lastStatus = new HashMap<>();
    private final KernelLogBook kernelLog;

    public LastReadings(Platform platform) {
        this.platform = platform;
        this.kernelLog = new KernelLogBook();
    }

    private LastReadings(LastReadings other) {
        this.platform = other.platform;
        this.lastReading.putAll(other.lastReading);
        this.lastStatus.putAll(other.lastStatus);
        this.kernelLog = other.kernelLog.copy();
    }

    /** An independent copy of what this assembler remembers (replay keeps such copies to step back). */
    public LastReadings copy() {
        return new LastReadings(this);
    }

    public Platform platform() {
        return platform;
    }

    /**
     * @param results the sources polled this tick, evaluated
     * @param every   how often each source is polled now; a source without a result is stale
     */
    public Snapshot assemble(Instant at, long monoNanos, List<SourceResult> results, Map<String, Duration> every) {
        Map<String, SourceResult> byId = StandIn.byId(results);
        List<SnapshotMerge.Contribution> contributions = new ArrayList<>();
        for (Source s : platform.sources()) {
            SourceResult r = StandIn.resultFor(platform, s, byId);
            if (r == null) {
                Duration e = every.getOrDefault(s.id(), Duration.ZERO);
                SourceStatus last = lastStatus.get(s.id());
                if (last != null && onItsOwnSchedule(s, e)) {
                    // read less often by design, not because it was slow: its last reading still holds
                    contributions.add(new SnapshotMerge.Contribution(
                            lastReading.getOrDefault(s.id(), Reading.empty()), last));
                    continue;
                }
                SourceStatus stale = new SourceStatus(s.id(), SourceHealth.STALE, staleReason(s.id(), e),
                        Duration.ZERO, e, s.optional());
                contributions.add(new SnapshotMerge.Contribution(
                        lastReading.getOrDefault(s.id(), Reading.empty()), stale));
                continue;
            }
            lastStatus.put(s.id(), r.status());
            if (r.status().isOk()) {
                lastReading.put(s.id(), r.parsed().value());
                kernelLog.add(s, r.parsed().value(), at);
            } else if (r.status().health() == SourceHealth.NEEDS_ROOT) {
                // the parser may still have read something (e.g. zeroed counters); keep it only as a status
                lastReading.put(s.id(), Reading.empty());
            }
            contributions.add(new SnapshotMerge.Contribution(
                    r.status().isOk() ? r.parsed().value() : Reading.empty(), r.status()));
        }
        Snapshot snap = platform.complete(SnapshotMerge.merge(at, monoNanos, platform.host(), contributions));
        List<KernelEvent> said = kernelLog.newestFirst();
        // a kernel log source contributes what it read since syntop started, not only this tick's new records
        return said.isEmpty() ? snap : snap.withKernelEvents(said);
    }

    /** Not polled this tick only because the source asks to be read at most every so often. */
    private static boolean onItsOwnSchedule(Source s, Duration every) {
        return !s.every().isZero() && every.compareTo(s.every()) <= 0;
    }

    private String staleReason(String id, Duration every) {
        SourceStatus last = lastStatus.get(id);
        if (last != null && !last.isOk() && !last.detail().isEmpty()) {
            // backed off after a failed poll (an output over the cap): why it failed is still the news
            return "polled every " + Durations.format(every) + "; last poll: " + last.detail();
        }
        String took = last == null ? "" : ": took " + Durations.format(last.took());
        return "polled every " + Durations.format(every) + took;
    }
}
