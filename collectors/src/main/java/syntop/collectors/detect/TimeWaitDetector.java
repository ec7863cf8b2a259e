package syntop.collectors.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import syntop.collectors.detect.Signals.Window;
import syntop.collectors.history.History;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;
import syntop.collectors.parse.Numbers;

/**
 * A pile of TIME_WAIT: this host closed many connections first (a proxy or a client opening many
 * outbound connections). It is judged against the outbound port budget the way operators work it
 * out by hand: an ephemeral range of R ports with TIME_WAIT lasting T seconds sustains about R / T
 * new connections per second to one destination. T is 60 s on Linux (fixed in the kernel) and
 * 2 × {@code net.inet.tcp.msl} on FreeBSD and macOS (default MSL 30 s and 15 s). A TIME_WAIT pile
 * is not a SYN flood, and the verdict says so.
 */
public final class TimeWaitDetector implements Detector {
    static final String LINUX_RANGE = "net.ipv4.ip_local_port_range";
    static final String BSD_FIRST = "net.inet.ip.portrange.first";
    static final String BSD_LAST = "net.inet.ip.portrange.last";
    static final String BSD_MSL = "net.inet.tcp.msl";

    /** An ephemeral port range, and whether it was read or assumed from the OS default. */
    record PortRange(long first, long last, boolean assumed) {
        long size() {
            return last - first + 1;
        }
    }

    /** How long TIME_WAIT lasts, and where that number came from. */
    record Linger(double seconds, String why) {
    }

    @Override
    public List<Verdict> detect(History history, Thresholds t) {
        Snapshot s = history.latest().orElse(null);
        if (s == null) {
            return List.of();
        }
        OptionalLong count = timeWaitCount(s);
        if (count.isEmpty() || count.getAsLong() < t.timeWaitMin()) {
            return List.of();
        }
        PortRange range = portRange(s);
        if (range.size() <= 0) {
            return List.of();
        }
        long tw = count.getAsLong();
        double share = (double) tw / range.size();
        Window overflows = Signals.window(history, t, CounterId.TIME_WAIT_OVERFLOWS);
        boolean overflowing = overflows.mostlyPositive();
        if (share < t.timeWaitWarn() && !overflowing) {
            return List.of();
        }
        Linger linger = linger(s);
        double budget = range.size() / linger.seconds();
        List<String> evidence = new ArrayList<>();
        evidence.add(tw + " TIME_WAIT = " + Signals.percent(share) + " of " + range.size() + " ephemeral ports ("
                + range.first() + "–" + range.last() + (range.assumed() ? ", the OS default: range not read" : "") + ")");
        evidence.add(range.size() + " ports / " + Signals.ratio(linger.seconds()) + " s TIME_WAIT (" + linger.why()
                + ") ≈ " + Signals.rate(budget) + " new connections/s per destination");
        evidence.add("closing ≈ " + Signals.rate(tw / linger.seconds()) + "/s now (" + tw + " / "
                + Signals.ratio(linger.seconds()) + " s)");
        Signals.topRemote(s, TcpState.TIME_WAIT, tw).ifPresent(evidence::add);
        if (overflowing) {
            evidence.add("TIME_WAIT table full: " + Signals.rate(overflows.mean()) + " overflows/s");
        }
        if (!s.states().isEmpty()) {
            evidence.add("SYN_RCVD " + s.states().get(TcpState.SYN_RCVD) + ": not a SYN flood");
        }
        boolean critical = share >= t.timeWaitCritical() || overflowing;
        String summary = "TIME_WAIT pile-up: this host closes connections first (" + Signals.percent(share)
                + " of the outbound port budget), not a SYN flood";
        return List.of(new Verdict(Verdict.Kind.TIME_WAIT_PILE_UP,
                critical ? Verdict.Severity.CRITICAL : Verdict.Severity.WARNING, OptionalInt.empty(), summary,
                String.join(", ", evidence)));
    }

    /** TIME_WAIT from the connection table, or the kernel's own count (Linux sockstat) when the table was not read. */
    static OptionalLong timeWaitCount(Snapshot s) {
        if (!s.states().isEmpty()) {
            return OptionalLong.of(s.states().get(TcpState.TIME_WAIT));
        }
        return s.counters().get(CounterId.SOCKETS_TIME_WAIT);
    }

    static PortRange portRange(Snapshot s) {
        OsFamily os = s.host().os();
        if (os == OsFamily.LINUX) {
            String v = s.tunable(LINUX_RANGE).orElse("");
            String[] f = Numbers.fields(v);
            if (f.length == 2) {
                OptionalLong a = Numbers.parseLong(f[0]);
                OptionalLong b = Numbers.parseLong(f[1]);
                if (a.isPresent() && b.isPresent() && b.getAsLong() >= a.getAsLong()) {
                    return new PortRange(a.getAsLong(), b.getAsLong(), false);
                }
            }
            return new PortRange(32768, 60999, true);
        }
        OptionalLong a = Signals.tunableLong(s, BSD_FIRST);
        OptionalLong b = Signals.tunableLong(s, BSD_LAST);
        if (a.isPresent() && b.isPresent() && b.getAsLong() >= a.getAsLong()) {
            return new PortRange(a.getAsLong(), b.getAsLong(), false);
        }
        return os == OsFamily.MACOS ? new PortRange(49152, 65535, true) : new PortRange(10000, 65535, true);
    }

    static Linger linger(Snapshot s) {
        OsFamily os = s.host().os();
        if (os == OsFamily.LINUX) {
            return new Linger(60, "fixed on Linux");
        }
        OptionalLong msl = Signals.tunableLong(s, BSD_MSL);
        if (msl.isPresent() && msl.getAsLong() > 0) {
            return new Linger(2 * msl.getAsLong() / 1000.0, "2 × msl " + msl.getAsLong() + " ms");
        }
        return os == OsFamily.MACOS ? new Linger(30, "2 × default msl 15000 ms")
                : new Linger(60, "2 × default msl 30000 ms");
    }
}
