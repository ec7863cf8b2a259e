package syntop.collectors.judge;

import syntop.collectors.detect.Detectors;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.history.History;
import syntop.collectors.model.Snapshot;

/**
 * The judging half of the pipeline: adds each snapshot to a history and runs the detectors over it.
 * Replay uses it on its own (it assembles and caches snapshots apart, to seek); everything else
 * goes through {@link Pipeline}.
 */
public final class Judge {
    private final History history = new History();
    private final Thresholds thresholds;

    public Judge(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Adds the next snapshot and judges the history up to it. */
    public synchronized JudgedTick add(Snapshot snapshot) {
        history.add(snapshot);
        return new JudgedTick(history.ticks(), snapshot, Detectors.evaluate(history, thresholds), history);
    }

    public History history() {
        return history;
    }

    public Thresholds thresholds() {
        return thresholds;
    }
}
