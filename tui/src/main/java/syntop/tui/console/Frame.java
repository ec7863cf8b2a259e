package syntop.tui.console;

import java.util.List;
import java.util.Objects;

import syntop.collectors.detect.Verdict;
import syntop.collectors.history.History;
import syntop.collectors.model.Snapshot;

/**
 * What one tick gives the screen: the snapshot, the verdicts over the history at that tick, and
 * the history itself (for rates and sparklines). Published by the sampling thread, read by the
 * render thread.
 */
public record Frame(Snapshot snapshot, List<Verdict> verdicts, History history) {
    public Frame {
        Objects.requireNonNull(snapshot);
        verdicts = List.copyOf(verdicts);
        Objects.requireNonNull(history);
    }
}
