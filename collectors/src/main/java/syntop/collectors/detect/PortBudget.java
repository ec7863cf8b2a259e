package syntop.collectors.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import syntop.collectors.history.History;
import syntop.collectors.history.Rate;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;

/**
 * How fast this host can open connections to one destination before TIME_WAIT runs it out of
 * ephemeral ports: ports in the range ÷ TIME_WAIT seconds (one source address, one destination
 * address and port, RFC 6056 section 2.1), against the rate of new outbound connections
 * (ActiveOpens per second) and the destinations holding the most TIME_WAIT.
 *
 * @param first          the first ephemeral port
 * @param last           the last ephemeral port
 * @param rangeAssumed   true when the range was not read and the OS default is used
 * @param timeWaitSeconds how long TIME_WAIT lasts
 * @param timeWaitWhy    where that duration comes from
 * @param perDestination connections per second sustainable towards one destination
 * @param activeOpens    new outbound connections per second now, when the rate is known
 * @param timeWait       TIME_WAIT connections now, when known
 * @param top            the remote addresses holding the most TIME_WAIT, most first
 */
public record PortBudget(long first, long last, boolean rangeAssumed, double timeWaitSeconds, String timeWaitWhy,
                         double perDestination, OptionalDouble activeOpens, java.util.OptionalLong timeWait,
                         List<AddressCount> top) {
    /** How many destinations are listed. */
    public static final int TOP = 5;

    public PortBudget {
        Objects.requireNonNull(timeWaitWhy);
        Objects.requireNonNull(activeOpens);
        Objects.requireNonNull(timeWait);
        top = List.copyOf(top);
    }

    /** The budget of the latest snapshot, with the ActiveOpens rate from the history. */
    public static Optional<PortBudget> of(History h) {
        Snapshot s = h.latest().orElse(null);
        if (s == null) {
            return Optional.empty();
        }
        TimeWaitDetector.PortRange range = TimeWaitDetector.portRange(s);
        TimeWaitDetector.Linger linger = TimeWaitDetector.linger(s);
        if (range.size() <= 0 || linger.seconds() <= 0) {
            return Optional.empty();
        }
        Rate opens = h.rate(CounterId.ACTIVE_OPENS);
        List<AddressCount> remotes = s.remotes(TcpState.TIME_WAIT);
        List<AddressCount> top = new ArrayList<>(remotes.subList(0, Math.min(TOP, remotes.size())));
        return Optional.of(new PortBudget(range.first(), range.last(), range.assumed(), linger.seconds(), linger.why(),
                range.size() / linger.seconds(), opens.known() ? OptionalDouble.of(opens.perSecond()) : OptionalDouble.empty(),
                TimeWaitDetector.timeWaitCount(s), top));
    }

    /**
     * The answer first, so a cut line still shows it: "port budget 471/s per destination (28232 ports
     * 32768–60999 / 60 s TIME_WAIT); now 500/s out; most TIME_WAIT towards 10.0.0.5 (18000)".
     */
    public String line() {
        StringBuilder b = new StringBuilder("port budget ").append(Signals.rate(perDestination))
                .append("/s per destination (").append(ports()).append(" ports ").append(first).append('–').append(last)
                .append(rangeAssumed ? ", OS default: not read" : "").append(" / ")
                .append(Signals.ratio(timeWaitSeconds)).append(" s TIME_WAIT); now ")
                .append(activeOpens.isPresent() ? Signals.rate(activeOpens.getAsDouble()) + "/s out" : "rate not known yet");
        if (!top.isEmpty()) {
            b.append("; most TIME_WAIT towards ").append(top.get(0).address()).append(" (").append(top.get(0).count())
                    .append(')');
        }
        return b.toString();
    }

    public long ports() {
        return last - first + 1;
    }

    /**
     * Seconds until the ports towards one destination run out, when {@code rate} new connections a
     * second go there and {@code inUse} ports are taken now; empty when that rate never exhausts them.
     * Each port is held TIME_WAIT seconds, so the ports in use follow dU/dt = rate − U/T and reach
     * the range R at t = T · ln((rate·T − U) / (rate·T − R)), only when rate exceeds R/T.
     */
    public OptionalDouble secondsToExhaustion(double rate, long inUse) {
        double t = timeWaitSeconds;
        double steady = rate * t;
        long r = ports();
        if (steady <= r) {
            return OptionalDouble.empty();
        }
        if (inUse >= r) {
            return OptionalDouble.of(0);
        }
        return OptionalDouble.of(t * Math.log((steady - inUse) / (steady - r)));
    }
}
