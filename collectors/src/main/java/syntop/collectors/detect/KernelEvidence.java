package syntop.collectors.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import syntop.collectors.model.KernelEvent;
import syntop.collectors.model.KernelEvent.Kind;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.Snapshot;

/**
 * Adds to a verdict what the kernel said about the same trouble: "SYN flood on :8080 — … ; kernel said
 * at 07:31:12: possible SYN flooding on 10.99.0.2:8080, dropping requests". The kernel's words only
 * support a verdict that the numbers made; they never make one (an old message is history).
 *
 * <p>The kernel's log is the whole machine's, every network namespace's: a message that names a
 * listener supports a verdict only when this snapshot lists that listener (its address and port).
 */
public final class KernelEvidence {
    /**
     * How old a message may be and still support a verdict. Linux prints "Possible SYN flooding" once
     * per listening socket, when its queue first overflows, so the message of a flood under way may be
     * older than syntop; older than this it is more likely an earlier episode.
     */
    static final Duration RECENT = Duration.ofMinutes(10);
    private static final Set<String> WILDCARDS = Set.of("*", "0.0.0.0", "::");

    private KernelEvidence() {
    }

    /** Each verdict with the newest kernel message that supports it, if any. */
    public static List<Verdict> attach(List<Verdict> verdicts, Snapshot s) {
        List<KernelEvent> newestFirst = s.kernelEvents();
        if (newestFirst.isEmpty() || verdicts.isEmpty()) {
            return verdicts;
        }
        List<Verdict> out = new ArrayList<>(verdicts.size());
        Instant now = s.at();
        for (Verdict v : verdicts) {
            Optional<KernelEvent> e = newestFirst.stream()
                    .filter(k -> supports(k, v) && ofThisSnapshot(k, s.listeners()) && timely(k, now)).findFirst();
            out.add(e.isEmpty() ? v : new Verdict(v.kind(), v.severity(), v.port(), v.summary(),
                    v.evidence() + "; " + e.get().said(now)));
        }
        return List.copyOf(out);
    }

    static boolean supports(KernelEvent e, Verdict v) {
        boolean samePort = v.port().isEmpty() || e.port().isEmpty() || e.port().getAsInt() == v.port().getAsInt();
        switch (v.kind()) {
            case SYN_FLOOD:
            case BACKLOG_TOO_SMALL:
                // "drop open request" names the remote's port, not the listener's
                return (e.kind() == Kind.SYN_FLOOD && samePort) || e.kind() == Kind.OPEN_REQUEST_DROPPED;
            case ACCEPT_QUEUE_FULL:
                return e.kind() == Kind.LISTEN_QUEUE_OVERFLOW && samePort;
            case TIME_WAIT_PILE_UP:
                return e.kind() == Kind.TIME_WAIT_OVERFLOW;
            case FIN_WAIT_1_PILE_UP:
            case FIN_WAIT_2_PILE_UP:
            case LAST_ACK_PILE_UP:
                // sockets closed by their owner and still in these states are the kernel's orphans
                return Set.of(Kind.TOO_MANY_ORPHANS, Kind.TCP_OUT_OF_MEMORY).contains(e.kind());
            case RESET_SURGE:
                return e.kind() == Kind.RST_LIMITED;
            default:
                return false;
        }
    }

    /**
     * Recent enough to be about what is happening now: within {@link #RECENT}; a Linux SYN-flood message
     * of a listener this snapshot lists, whatever its age, since the kernel says it once per listening
     * socket (the first time its queue overflows), and a new socket would have had its own.
     */
    private static boolean timely(KernelEvent e, Instant now) {
        if (e.at().isEmpty()) {
            return false;
        }
        return e.kind() == Kind.SYN_FLOOD && e.address().isPresent() || !e.at().get().isBefore(now.minus(RECENT));
    }

    /** A message naming a listener is this snapshot's only when the snapshot lists that listener. */
    static boolean ofThisSnapshot(KernelEvent e, List<ListenQueue> listeners) {
        boolean namesListener = e.kind() == Kind.SYN_FLOOD || e.kind() == Kind.LISTEN_QUEUE_OVERFLOW;
        if (!namesListener || e.port().isEmpty() || e.address().isEmpty()) {
            return true;
        }
        String a = e.address().get();
        return listeners.stream().anyMatch(q -> q.port() == e.port().getAsInt()
                && (q.localAddress().equals(a) || WILDCARDS.contains(q.localAddress()) && WILDCARDS.contains(a)));
    }
}
