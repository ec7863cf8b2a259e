package syntop.collectors.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import syntop.collectors.detect.Signals.Window;
import syntop.collectors.history.History;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;

/**
 * A counter far above its own recent baseline: its rate over the last {@code sustain.samples}
 * samples is sustained at {@code surge.factor} × the median of the {@code surge.baseline.samples}
 * samples before them, and above an absolute floor. The baseline moves with the host, so a surge
 * that lasts becomes the new normal and the verdict ends; it is a warning, a symptom to look into.
 */
public final class SurgeDetector implements Detector {
    private final Verdict.Kind kind;
    private final List<CounterId> counters;
    private final List<String> names;
    private final boolean resets;

    private SurgeDetector(Verdict.Kind kind, List<CounterId> counters, List<String> names, boolean resets) {
        this.kind = kind;
        this.counters = counters;
        this.names = names;
        this.resets = resets;
    }

    /** Resets sent and established connections reset. */
    public static SurgeDetector resets() {
        return new SurgeDetector(Verdict.Kind.RESET_SURGE, List.of(CounterId.RESETS_SENT, CounterId.ESTAB_RESETS),
                List.of("RSTs sent", "established resets"), true);
    }

    /** Segments retransmitted. */
    public static SurgeDetector retransmits() {
        return new SurgeDetector(Verdict.Kind.RETRANSMIT_SURGE, List.of(CounterId.SEGMENTS_RETRANSMITTED),
                List.of("retransmits"), false);
    }

    @Override
    public List<Verdict> detect(History history, Thresholds t) {
        int n = t.sustainSamples();
        int base = t.surgeBaselineSamples();
        double floor = resets ? t.resetFloor() : t.retransmitFloor();
        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < counters.size(); i++) {
            double[] all = history.rateSeries(counters.get(i), base + n);
            if (all.length < base + n) {
                continue;
            }
            double[] baseline = java.util.Arrays.copyOfRange(all, 0, base);
            long known = java.util.Arrays.stream(baseline).filter(v -> !Double.isNaN(v)).count();
            if (known * 2 < base) {
                continue;
            }
            double median = Signals.median(baseline);
            double threshold = Math.max(t.surgeFactor() * median, floor);
            Window w = Signals.window(all, t);
            if (!w.sustained(threshold)) {
                continue;
            }
            String times = median > 0 ? " (×" + Signals.rate(w.mean() / median) + ")" : "";
            evidence.add(names.get(i) + " " + Signals.rate(w.mean()) + "/s over " + n + " samples vs usual "
                    + Signals.rate(median) + "/s" + times);
        }
        if (evidence.isEmpty()) {
            return List.of();
        }
        evidence.set(evidence.size() - 1, evidence.get(evidence.size() - 1) + " (median of the " + base
                + " samples before)");
        Snapshot s = history.latest().orElse(null);
        if (s != null && !s.states().isEmpty() && s.states().get(TcpState.SYN_RCVD) >= t.synRcvdHigh() / 2) {
            long syn = s.states().get(TcpState.SYN_RCVD);
            evidence.add(resets ? syn + " half-open connections: a SYN flood or a scan draws RSTs"
                    : syn + " half-open connections: SYN-ACK retries count as retransmits");
        }
        String summary = resets ? "reset surge: far more connections reset than usual"
                : "retransmit surge: far more segments retransmitted than usual";
        return List.of(new Verdict(kind, Verdict.Severity.WARNING, OptionalInt.empty(), summary,
                String.join(", ", evidence)));
    }
}
