package syntop.collectors.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import syntop.collectors.history.History;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;

/**
 * What the latest sample shows before the rate window is complete: the state evidence the detectors
 * judge by (queues at their limit, many half-open connections, a full syncache) and the latest SYN
 * losses and cookies, so "still judging" says what is already known.
 */
final class Signs {
    private Signs() {
    }

    static Judgement judgement(History history, Thresholds t) {
        int samples = (int) Math.min(t.sustainSamples(), Math.max(0, history.ticks() - 1));
        if (samples >= t.sustainSamples()) {
            return new Judgement(samples, t.sustainSamples(), List.of());
        }
        Snapshot s = history.latest().orElse(null);
        return new Judgement(samples, t.sustainSamples(), s == null ? List.of() : of(history, s, t));
    }

    private static List<String> of(History h, Snapshot s, Thresholds t) {
        List<String> out = new ArrayList<>();
        for (ListenQueue q : s.listeners()) {
            if (q.limit().isEmpty() || q.limit().getAsLong() <= 0) {
                continue;
            }
            long limit = q.limit().getAsLong();
            OptionalLong syn = q.synQueue();
            if (syn.isPresent() && syn.getAsLong() > 0 && syn.getAsLong() >= limit * t.synQueueFull()) {
                out.add("SYN queue of :" + q.port() + " at its limit (" + syn.getAsLong() + "/" + limit + ")");
            }
            if (AcceptQueueFullDetector.full(s.host().os(), q, t)) {
                out.add("accept queue of :" + q.port() + " at its limit (" + q.acceptQueue() + "/" + limit + ")");
            }
        }
        if (!s.states().isEmpty() && s.states().get(TcpState.SYN_RCVD) >= t.synRcvdHigh()) {
            out.add("SYN_RCVD " + s.states().get(TcpState.SYN_RCVD));
        }
        OptionalLong entries = s.counters().get(CounterId.SYNCACHE_ENTRIES);
        OptionalLong limit = s.counters().get(CounterId.SYNCACHE_LIMIT);
        if (entries.isPresent() && limit.isPresent() && limit.getAsLong() > 0
                && entries.getAsLong() >= limit.getAsLong() * t.synQueueFull()) {
            out.add("syncache " + entries.getAsLong() + " of " + limit.getAsLong());
        }
        rate(h, out, "SYN drops/s", CounterId.SYN_QUEUE_FULL_DROPS, CounterId.SYNCACHE_OVERFLOWS, CounterId.EMBRYONIC_DROPPED);
        if (s.host().os() == OsFamily.FREEBSD) {
            // FreeBSD puts a cookie in every SYN-ACK: only the SYNs its syncache did not hold are a sign
            double[] alone = SynPressure.freeBsdCookiesAlone(h, s, 1);
            add(out, "SYNs/s answered by cookie alone", Signals.max(alone, h.rateSeries(CounterId.PF_SYNCOOKIES_SENT, 1)));
        } else {
            rate(h, out, "SYN cookies/s", CounterId.SYNCOOKIES_SENT, CounterId.PF_SYNCOOKIES_SENT);
        }
        rate(h, out, "accept-queue overflows/s", CounterId.LISTEN_OVERFLOWS);
        return out;
    }

    /** The latest rate of the largest of these counters, when it is known and above zero. */
    private static void rate(History h, List<String> out, String what, CounterId... ids) {
        double[][] series = new double[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            series[i] = h.rateSeries(ids[i], 1);
        }
        add(out, what, Signals.max(series));
    }

    /** The latest value of a rate series, when it is known and above zero. */
    private static void add(List<String> out, String what, double[] latest) {
        if (latest.length == 1 && latest[0] > 0) {
            out.add(Signals.rate(latest[0]) + " " + what);
        }
    }
}
