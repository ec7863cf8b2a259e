package syntop.collectors.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import syntop.collectors.history.History;

/** Every detector, and one call that runs them all. */
public final class Detectors {
    /** Most severe first, then in the order of {@link Verdict.Kind}, then by port. */
    public static final Comparator<Verdict> MOST_SEVERE_FIRST = Comparator
            .comparing((Verdict v) -> v.severity() == Verdict.Severity.CRITICAL ? 0 : 1)
            .thenComparing(Verdict::kind)
            .thenComparingInt(v -> v.port().orElse(-1));

    private static final List<Detector> ALL = List.of(
            new SynFloodDetector(),
            new BacklogTooSmallDetector(),
            new AcceptQueueFullDetector(),
            new TimeWaitDetector(),
            new PortBudgetDetector(),
            PileUpDetector.finWait1(),
            PileUpDetector.finWait2(),
            PileUpDetector.closeWait(),
            PileUpDetector.lastAck(),
            new PfStateTableDetector(),
            SurgeDetector.resets(),
            SurgeDetector.retransmits());

    private Detectors() {
    }

    public static List<Detector> all() {
        return ALL;
    }

    /** The verdicts of every detector now, most severe first; empty when all is quiet. */
    public static List<Verdict> evaluate(History history, Thresholds thresholds) {
        return evaluate(ALL, history, thresholds);
    }

    /** {@link #evaluate(History, Thresholds)} with the default thresholds. */
    public static List<Verdict> evaluate(History history) {
        return evaluate(history, Thresholds.defaults());
    }

    /** How far the judgement of this history has got, and what is known until it is complete. */
    public static Judgement judgement(History history, Thresholds thresholds) {
        return Signs.judgement(history, thresholds);
    }

    public static List<Verdict> evaluate(List<Detector> detectors, History history, Thresholds thresholds) {
        List<Verdict> out = new ArrayList<>();
        for (Detector d : detectors) {
            out.addAll(d.detect(history, thresholds));
        }
        out.sort(MOST_SEVERE_FIRST);
        return history.latest().map(s -> KernelEvidence.attach(out, s)).orElse(List.copyOf(out));
    }
}
