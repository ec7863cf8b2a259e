package syntop.collectors.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import syntop.collectors.history.History;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.OsFamily;

/**
 * Ephemeral ports running out towards one destination: the new outbound connections that go there
 * (ActiveOpens per second, shared out by that destination's part of TIME_WAIT) pass
 * {@link #WARN_FRACTION} of the port budget over the sustain window. Critical once they exceed the
 * budget itself, with the time until the ports run out. The connection table keeps remote addresses,
 * not their ports, so a destination is an address here.
 */
public final class PortBudgetDetector implements Detector {
    /** The part of the budget at which the verdict warns: above it a burst or a slower peer exhausts the ports. */
    static final double WARN_FRACTION = 0.8;
    /**
     * The part of the range a destination must hold in TIME_WAIT to be judged: many opens with few
     * TIME_WAIT mean the peers close first (their side keeps TIME_WAIT), and a share of a handful of
     * TIME_WAIT says nothing about where the opens go.
     */
    static final double MIN_IN_USE_FRACTION = 0.05;

    @Override
    public List<Verdict> detect(History history, Thresholds t) {
        Optional<PortBudget> b = PortBudget.of(history);
        if (b.isEmpty() || b.get().top().isEmpty() || b.get().timeWait().isEmpty()) {
            return List.of();
        }
        PortBudget budget = b.get();
        Signals.Window opens = Signals.window(history, t, CounterId.ACTIVE_OPENS);
        long tw = budget.timeWait().getAsLong();
        if (!opens.complete() || tw <= 0) {
            return List.of();
        }
        AddressCount dest = budget.top().get(0);
        if (dest.count() < MIN_IN_USE_FRACTION * budget.ports()) {
            return List.of();
        }
        double share = Math.min(1.0, (double) dest.count() / tw);
        double rate = opens.mean() * share;
        if (rate < WARN_FRACTION * budget.perDestination()) {
            return List.of();
        }
        OsFamily os = history.latest().orElseThrow().host().os();
        List<String> evidence = new ArrayList<>();
        evidence.add(budget.ports() + " ephemeral ports (" + budget.first() + "–" + budget.last()
                + (budget.rangeAssumed() ? ", the OS default: range not read" : "") + ") / "
                + Signals.ratio(budget.timeWaitSeconds()) + " s TIME_WAIT (" + budget.timeWaitWhy() + ") = "
                + Signals.rate(budget.perDestination()) + " new connections/s per destination");
        evidence.add("ActiveOpens " + Signals.rate(opens.mean()) + "/s, " + Signals.percent(share) + " of TIME_WAIT ("
                + dest.count() + " of " + tw + ") towards " + dest.address() + ": ≈ " + Signals.rate(rate) + "/s there, "
                + Signals.percent(rate / budget.perDestination()) + " of the budget");
        OptionalDouble eta = budget.secondsToExhaustion(rate, dest.count());
        evidence.add(eta.isPresent() ? "ports towards it run out in ≈ " + Signals.ratio(eta.getAsDouble()) + " s at this rate"
                : "at this rate they settle at " + Math.round(rate * budget.timeWaitSeconds()) + " of " + budget.ports()
                        + " ports: a burst or a second client exhausts them");
        evidence.add(widen(os));
        boolean critical = eta.isPresent();
        String summary = "ephemeral ports running out towards " + dest.address()
                + (eta.isPresent() ? " in ≈ " + Signals.ratio(eta.getAsDouble()) + " s" : "")
                + " (" + Signals.rate(rate) + " of " + Signals.rate(budget.perDestination()) + " connections/s)";
        return List.of(new Verdict(Verdict.Kind.EPHEMERAL_PORTS_RUNNING_OUT,
                critical ? Verdict.Severity.CRITICAL : Verdict.Severity.WARNING, OptionalInt.empty(), summary,
                String.join(", ", evidence)));
    }

    /** Which knobs widen the budget on this OS (the knowledge entry of the verdict says why). */
    static String widen(OsFamily os) {
        if (os == OsFamily.LINUX) {
            return "widen it: net.ipv4.tcp_tw_reuse=1 (outbound only), a wider net.ipv4.ip_local_port_range, more source "
                    + "addresses, connection reuse in the application; TIME_WAIT itself is a fixed 60 s";
        }
        return "widen it: a lower net.inet.ip.portrange.first, a smaller net.inet.tcp.msl (TIME_WAIT is 2 × msl), more "
                + "source addresses, connection reuse in the application";
    }
}
