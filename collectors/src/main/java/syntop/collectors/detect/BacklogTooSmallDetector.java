package syntop.collectors.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import syntop.collectors.history.History;
import syntop.collectors.model.ListenQueue;

/**
 * A listen backlog too small for its traffic, which the kernel reports like an attack ("Possible
 * SYN flooding on port N. Sending cookies."): the listener in SYN trouble has a small limit
 * ({@code backlog.small}), its SYN queue is at that limit, SYNs are lost or cookied in most
 * samples, but at a modest rate and with few half-open connections on the host. The cure is a
 * larger {@code listen()} backlog in the application, not attack mitigation.
 */
public final class BacklogTooSmallDetector implements Detector {
    @Override
    public List<Verdict> detect(History history, Thresholds t) {
        SynPressure p = SynPressure.of(history, t).orElse(null);
        if (p == null || p.diagnosis != SynPressure.Diagnosis.SMALL_BACKLOG) {
            return List.of();
        }
        SynPressure.Queue q = p.worst.orElseThrow();
        ListenQueue l = q.listener();
        long limit = l.limit().getAsLong();
        List<String> evidence = new ArrayList<>();
        evidence.add(SynPressure.describe(q));
        evidence.add("accept queue " + l.acceptQueue() + "/" + limit);
        evidence.addAll(p.hostEvidence());
        evidence.add(Signals.rate(p.combined.mean()) + " SYNs/s lost or cookied (below "
                + Signals.rate(t.modestSynRate()) + "/s: modest)");
        evidence.add(p.cookieText());
        evidence.add(WhichLimit.halfOpen(p.latest, l));
        String summary = "backlog too small on :" + l.port() + " (limit " + limit + "), not a SYN flood";
        return List.of(new Verdict(Verdict.Kind.BACKLOG_TOO_SMALL, Verdict.Severity.WARNING, OptionalInt.of(l.port()),
                summary, String.join(", ", evidence)));
    }
}
