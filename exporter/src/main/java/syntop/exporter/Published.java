package syntop.exporter;

import java.util.List;
import java.util.Objects;

import syntop.collectors.detect.Verdict;
import syntop.collectors.model.Snapshot;

/**
 * What the sampling loop last published: one snapshot and the verdicts judged on the history up to
 * it. A scrape reads exactly one of these, so every metric of one scrape comes from the same tick.
 *
 * @param snapshot the latest snapshot
 * @param verdicts the active verdicts at that snapshot, most severe first
 * @param samples  how many samples the loop has taken since it started
 */
public record Published(Snapshot snapshot, List<Verdict> verdicts, long samples) {
    public Published {
        Objects.requireNonNull(snapshot);
        verdicts = List.copyOf(verdicts);
    }
}
