package syntop.collectors.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import syntop.collectors.detect.Signals.Window;
import syntop.collectors.history.History;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.ProcessOwner;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;

/**
 * An application too slow to {@code accept()}: a listener's accept queue at its limit while its
 * half-open count stays low (a SYN flood leaves the accept queue empty). Linux counts the queue
 * full at the limit (it holds limit + 1). FreeBSD queues up to 1.5 × the limit before refusing, so
 * there "full" means 1.5 × maxqlen ({@code 193/0/128} is full, {@code 150/0/128} is not; listen(2),
 * {@code solisten}/{@code sonewconn} in sys/kern/uipc_socket.c). macOS refuses at the limit itself:
 * xnu's {@code sonewconn_internal} (bsd/kern/uipc_socket2.c, with the defaults
 * {@code kern.ipc.soqlimitcompat=1} and {@code soqlencomp=0}) compares qlen, which counts half-open
 * and completed connections together, against maxqlen, so {@code 128/0/128} is full there. The queue
 * must be full in the last two snapshots (or {@code sustain.samples}, if fewer): a
 * queue at its limit for two seconds already refuses clients; or full now while ListenOverflows
 * rises at a sustained rate (which makes it critical).
 */
public final class AcceptQueueFullDetector implements Detector {
    /** FreeBSD's {@code sonewconn} refuses only when qlen exceeds 3/2 of the limit (xnu's refuses at the limit). */
    static final double FREEBSD_FACTOR = 1.5;
    /** Snapshots in a row a queue must be full in, without overflows, to be called full. */
    static final int FULL_SAMPLES = 2;

    @Override
    public List<Verdict> detect(History history, Thresholds t) {
        Snapshot s = history.latest().orElse(null);
        if (s == null || s.listeners().isEmpty()) {
            return List.of();
        }
        int n = t.sustainSamples();
        Window overflows = Signals.window(history, t, CounterId.LISTEN_OVERFLOWS);
        boolean overflowing = overflows.sustained(t.acceptOverflowRate());
        List<Snapshot> recent = history.recent();
        Map<Integer, ListenQueue> fullByPort = new LinkedHashMap<>();
        for (ListenQueue q : s.listeners()) {
            if (!full(s.host().os(), q, t) || !synLow(s, q, t)) {
                continue;
            }
            if (!overflowing && !fullThroughout(recent, q, fullSamples(t), t)) {
                continue;
            }
            ListenQueue prev = fullByPort.get(q.port());
            if (prev == null || q.acceptFill() > prev.acceptFill()) {
                fullByPort.put(q.port(), q);
            }
        }
        List<Verdict> out = new ArrayList<>();
        for (ListenQueue q : fullByPort.values()) {
            out.add(verdict(s, q, overflows, overflowing, t));
        }
        return out;
    }

    /** Snapshots in a row the queue must be full in: {@link #FULL_SAMPLES}, or one for a verdict that holds. */
    private static int fullSamples(Thresholds t) {
        return t.held() ? 1 : Math.min(t.sustainSamples(), FULL_SAMPLES);
    }

    private static double factor(OsFamily os) {
        return os == OsFamily.FREEBSD ? FREEBSD_FACTOR : 1.0;
    }

    static boolean full(OsFamily os, ListenQueue q, Thresholds t) {
        if (q.limit().isEmpty() || q.limit().getAsLong() <= 0) {
            return false;
        }
        return q.acceptQueue() >= q.limit().getAsLong() * factor(os) * t.acceptQueueFull();
    }

    /** The listener's own half-open count below the SYN threshold; the host's SYN_RCVD when the listener's is unknown. */
    private static boolean synLow(Snapshot s, ListenQueue q, Thresholds t) {
        if (q.synQueue().isPresent()) {
            return q.synQueue().getAsLong() < q.limit().getAsLong() * t.synQueueFull();
        }
        return s.states().isEmpty() || s.states().get(TcpState.SYN_RCVD) < t.synRcvdHigh();
    }

    private static boolean fullThroughout(List<Snapshot> recent, ListenQueue q, int n, Thresholds t) {
        if (recent.size() < n) {
            return false;
        }
        for (Snapshot s : recent.subList(recent.size() - n, recent.size())) {
            boolean found = false;
            for (ListenQueue other : s.listeners()) {
                if (other.port() == q.port() && other.localAddress().equals(q.localAddress())) {
                    found = full(s.host().os(), other, t);
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** {@code " (nginx, pid 812)"}: the process that is not accepting, when known. */
    private static String owner(ListenQueue q) {
        return q.process().filter(ProcessOwner::known).map(p -> " (" + p.label() + ")").orElse("");
    }

    private static Verdict verdict(Snapshot s, ListenQueue q, Window overflows, boolean overflowing, Thresholds t) {
        long limit = q.limit().getAsLong();
        List<String> evidence = new ArrayList<>();
        OsFamily os = s.host().os();
        if (os == OsFamily.FREEBSD) {
            evidence.add("qlen " + q.acceptQueue() + " of maxqlen " + limit + " on :" + q.port()
                    + " (FreeBSD refuses above 1.5 × " + limit + " = " + Signals.ratio(limit * FREEBSD_FACTOR) + ")");
        } else if (os == OsFamily.MACOS) {
            evidence.add("qlen " + q.acceptQueue() + " of maxqlen " + limit + " on :" + q.port()
                    + " (macOS refuses at maxqlen; qlen counts half-open connections too)");
        } else {
            evidence.add("accept queue " + q.acceptQueue() + "/" + limit + " on :" + q.port() + owner(q));
        }
        evidence.add(WhichLimit.acceptQueue(s, q));
        if (q.synQueue().isPresent()) {
            evidence.add(q.synQueue().getAsLong() + " half-open on :" + q.port());
        } else if (!s.states().isEmpty()) {
            evidence.add("SYN_RCVD " + s.states().get(TcpState.SYN_RCVD) + " in all");
        }
        if (overflows.judgeable()) {
            evidence.add("ListenOverflows " + Signals.rate(overflows.mean()) + "/s (host-wide)");
        } else {
            evidence.add("overflow rate unknown");
        }
        if (!overflowing) {
            evidence.add("full for " + fullSamples(t) + (fullSamples(t) == 1 ? " sample" : " samples"));
        }
        return new Verdict(Verdict.Kind.ACCEPT_QUEUE_FULL,
                overflowing ? Verdict.Severity.CRITICAL : Verdict.Severity.WARNING, OptionalInt.of(q.port()),
                "accept queue full on :" + q.port() + owner(q) + ": the application is not accepting fast enough",
                String.join(", ", evidence));
    }
}
