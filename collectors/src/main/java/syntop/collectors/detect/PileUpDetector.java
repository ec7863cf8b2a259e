package syntop.collectors.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import syntop.collectors.history.History;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;

/**
 * Connections stuck on the way to closed: FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT or LAST_ACK above an
 * absolute count ({@code pileup.warn}, {@code pileup.critical}), or above {@code pileup.min} and
 * growing by {@code pileup.growth.rate} per second over the last {@code sustain.samples} samples.
 * Names the peer holding most of them when the connection table lists it.
 */
public final class PileUpDetector implements Detector {
    private final TcpState state;
    private final Verdict.Kind kind;
    private final String meaning;

    private PileUpDetector(TcpState state, Verdict.Kind kind, String meaning) {
        this.state = state;
        this.kind = kind;
        this.meaning = meaning;
    }

    /** The local application does not close: the peer closed, the socket waits for our close(). */
    public static PileUpDetector closeWait() {
        return new PileUpDetector(TcpState.CLOSE_WAIT, Verdict.Kind.CLOSE_WAIT_PILE_UP,
                "peers closed but the local application does not call close() (a descriptor leak or a stuck worker)");
    }

    /** Our FIN is not acknowledged: the peer is gone or unreachable, or its window is zero. */
    public static PileUpDetector finWait1() {
        return new PileUpDetector(TcpState.FIN_WAIT_1, Verdict.Kind.FIN_WAIT_1_PILE_UP,
                "this host closed but peers do not acknowledge its FIN (peers gone or unreachable, or a zero window)");
    }

    /** Our FIN is acknowledged but the peer never closes its side. */
    public static PileUpDetector finWait2() {
        return new PileUpDetector(TcpState.FIN_WAIT_2, Verdict.Kind.FIN_WAIT_2_PILE_UP,
                "peers acknowledged this host's FIN but do not close their side");
    }

    /** Both sides closed; our last FIN is not acknowledged. */
    public static PileUpDetector lastAck() {
        return new PileUpDetector(TcpState.LAST_ACK, Verdict.Kind.LAST_ACK_PILE_UP,
                "the local side closed after its peers, and peers do not acknowledge the last FIN (peers gone)");
    }

    public TcpState state() {
        return state;
    }

    @Override
    public List<Verdict> detect(History history, Thresholds t) {
        Snapshot s = history.latest().orElse(null);
        if (s == null || s.states().isEmpty()) {
            return List.of();
        }
        long count = s.states().get(state);
        Optional<Double> growth = growth(history.recent(), t.sustainSamples());
        boolean growing = growth.isPresent() && growth.get() >= t.pileUpGrowthRate() && count >= t.pileUpMin();
        if (count < t.pileUpWarn() && !growing) {
            return List.of();
        }
        Verdict.Severity severity = count >= t.pileUpCritical() ? Verdict.Severity.CRITICAL : Verdict.Severity.WARNING;
        List<String> evidence = new ArrayList<>();
        evidence.add(count + " " + state.name());
        growth.ifPresent(g -> evidence.add((g >= 0 ? "+" : "") + Signals.rate(g) + "/s over " + t.sustainSamples()
                + " samples"));
        Signals.topRemote(s, state, count).ifPresent(evidence::add);
        evidence.add(meaning);
        String summary = state.name() + " pile-up: " + count + (growing ? " and growing" : "")
                + (state == TcpState.CLOSE_WAIT ? ", the local application does not close" : "");
        return List.of(new Verdict(kind, severity, OptionalInt.empty(), summary, String.join(", ", evidence)));
    }

    /** Change per second between the latest snapshot and the one {@code n} samples earlier, both with states. */
    private Optional<Double> growth(List<Snapshot> recent, int n) {
        if (recent.size() < n + 1) {
            return Optional.empty();
        }
        Snapshot now = recent.get(recent.size() - 1);
        Snapshot then = recent.get(recent.size() - 1 - n);
        if (now.states().isEmpty() || then.states().isEmpty()) {
            return Optional.empty();
        }
        double seconds = (now.monoNanos() - then.monoNanos()) / 1e9;
        if (seconds <= 0) {
            return Optional.empty();
        }
        return Optional.of((now.states().get(state) - then.states().get(state)) / seconds);
    }
}
