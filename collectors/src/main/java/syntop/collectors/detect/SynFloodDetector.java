package syntop.collectors.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import syntop.collectors.detect.Signals.CookieSetting;
import syntop.collectors.history.History;

/**
 * A SYN flood: half-open connections high (SYN_RCVD on the host, a listener's SYN queue near its
 * limit, or the BSD syncache near full) and, at the same time, SYNs lost or answered with cookies
 * at a sustained rate. Critical while SYNs are lost (real clients cannot connect), a warning while
 * cookies absorb it. Where the listener's queue is full and cookies are off or unknown (macOS has
 * none), the summary suggests the firewall's SYN proxy and names its command and key. A small backlog under modest traffic is left to {@link BacklogTooSmallDetector}.
 * A pile of TIME_WAIT is never read as a SYN flood: TIME_WAIT is not looked at here.
 */
public final class SynFloodDetector implements Detector {
    @Override
    public List<Verdict> detect(History history, Thresholds t) {
        SynPressure p = SynPressure.of(history, t).orElse(null);
        if (p == null || p.diagnosis != SynPressure.Diagnosis.FLOOD) {
            return List.of();
        }
        boolean losing = p.lost.sustained(t.synDropRate());
        List<String> evidence = new ArrayList<>();
        OptionalInt port = OptionalInt.empty();
        if (p.worst.isPresent() && p.worst.get().halfOpen() > 0) {
            port = OptionalInt.of(p.worst.get().listener().port());
            evidence.add(SynPressure.describe(p.worst.get()));
            evidence.add(WhichLimit.halfOpen(p.latest, p.worst.get().listener()));
        }
        evidence.addAll(p.hostEvidence());
        if (p.lost.judgeable() && p.lost.mean() > 0) {
            evidence.add(Signals.rate(p.lost.mean()) + " SYN drops/s");
        }
        if (p.cacheOverflows.judgeable() && p.cacheOverflows.mean() > 0) {
            evidence.add(Signals.rate(p.cacheOverflows.mean()) + " syncache overflows/s");
        }
        if (!p.listenerHigh && !p.totalHigh && !p.cacheHigh) {
            evidence.add("queue-full drops and cookies " + Signals.rate(p.fullQueueCounts.mean())
                    + "/s: the kernel counts them only while a SYN queue is full");
        }
        evidence.add(p.cookieText());
        evidence.add("rates " + p.lost.span());
        String where = port.isPresent() ? "SYN flood on :" + port.getAsInt() : "SYN flood";
        String summary;
        if (losing) {
            summary = where + ": SYN queue full, new connections dropped"
                    + (p.cookieSetting == CookieSetting.OFF ? " (SYN cookies off)" : "");
            if (port.isPresent() && p.listenerHigh
                    && (p.cookieSetting == CookieSetting.OFF || p.cookieSetting == CookieSetting.UNKNOWN)) {
                // with no cookies to fall back on, the firewall's SYN proxy keeps the half-open entries off the server
                summary += "; a SYN proxy would answer them: syntop synproxy on " + port.getAsInt() + " (key P)";
            }
        } else {
            summary = where + ", absorbed by SYN cookies";
        }
        return List.of(new Verdict(Verdict.Kind.SYN_FLOOD, losing ? Verdict.Severity.CRITICAL : Verdict.Severity.WARNING,
                port, summary, String.join(", ", evidence)));
    }
}
