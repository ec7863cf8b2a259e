package syntop.collectors.judge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import syntop.collectors.detect.Detector;
import syntop.collectors.detect.Detectors;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.detect.Verdict;
import syntop.collectors.history.History;
import syntop.collectors.model.Snapshot;

/**
 * The judging half of the pipeline: adds each snapshot to a history and runs the detectors over it.
 * The detectors keep no state; what a judge remembers is which verdicts it named at the last tick,
 * so a verdict once named holds while its evidence stays above the hold lines
 * ({@link Thresholds#holding()}) and ends only when it has gone: a SYN flood whose queue dips below
 * 90 % between two samples while SYNs are still dropped does not flicker to "all quiet". Replay
 * uses a judge on its own (it assembles and caches snapshots apart, to seek); everything else goes
 * through {@link Pipeline}.
 */
public final class Judge {
    /** What a held verdict adds to its evidence. */
    static final String HELD = "held: still above the hold line";

    private record Key(Verdict.Kind kind, int port) {
        static Key of(Verdict v) {
            return new Key(v.kind(), v.port().orElse(-1));
        }
    }

    private final History history = new History();
    private final Thresholds thresholds;
    private final Thresholds holding;
    private final Supplier<List<Detector>> detectors;
    private Set<Key> named = Set.of();

    public Judge(Thresholds thresholds) {
        this(thresholds, Detectors::all);
    }

    /**
     * @param detectors the detectors to run at each tick: every one, and those that need what syntop
     *                  itself changed (the ports behind its SYN proxy), asked for afresh each tick
     */
    public Judge(Thresholds thresholds, Supplier<List<Detector>> detectors) {
        this.thresholds = thresholds;
        this.holding = thresholds.holding();
        this.detectors = detectors;
    }

    /** Adds the next snapshot and judges the history up to it. */
    public synchronized JudgedTick add(Snapshot snapshot) {
        history.add(snapshot);
        List<Detector> running = detectors.get();
        List<Verdict> verdicts = new ArrayList<>(Detectors.evaluate(running, history, thresholds));
        Set<Key> now = new HashSet<>();
        verdicts.forEach(v -> now.add(Key.of(v)));
        if (!named.isEmpty()) {
            for (Verdict v : Detectors.evaluate(running, history, holding)) {
                Key k = Key.of(v);
                if (named.contains(k) && now.add(k)) {
                    verdicts.add(new Verdict(v.kind(), v.severity(), v.port(), v.summary(), v.evidence() + ", " + HELD
                            + " (" + percent(thresholds.holdFraction()) + " of the line that named it)"));
                }
            }
            verdicts.sort(Detectors.MOST_SEVERE_FIRST);
        }
        named = Set.copyOf(now);
        return new JudgedTick(history.ticks(), snapshot, verdicts, Detectors.judgement(history, thresholds), history);
    }

    private static String percent(double f) {
        return Math.round(f * 100) + " %";
    }

    public History history() {
        return history;
    }
}
