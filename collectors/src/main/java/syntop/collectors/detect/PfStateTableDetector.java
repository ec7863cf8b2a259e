package syntop.collectors.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import syntop.collectors.detect.Signals.Window;
import syntop.collectors.history.History;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.Snapshot;

/**
 * pf's state table near its hard limit: at the limit pf refuses new connections of every service
 * and counts each refusal as a "memory" drop. A warning from {@code pf.states.warn} of the limit,
 * critical from {@code pf.states.critical} or while memory drops rise at {@code pf.memory.rate}.
 */
public final class PfStateTableDetector implements Detector {
    @Override
    public List<Verdict> detect(History history, Thresholds t) {
        Snapshot s = history.latest().orElse(null);
        if (s == null) {
            return List.of();
        }
        OptionalLong states = s.counters().get(CounterId.PF_STATES);
        OptionalLong limit = s.counters().get(CounterId.PF_STATE_LIMIT);
        boolean shareKnown = states.isPresent() && limit.isPresent() && limit.getAsLong() > 0;
        double share = shareKnown ? (double) states.getAsLong() / limit.getAsLong() : 0;
        Window drops = Signals.window(history, t, CounterId.PF_MEMORY_DROPS);
        boolean dropping = drops.sustained(t.pfMemoryDropRate());
        if (share < t.pfStatesWarn() && !dropping) {
            return List.of();
        }
        boolean critical = share >= t.pfStatesCritical() || dropping;
        List<String> evidence = new ArrayList<>();
        if (shareKnown) {
            evidence.add(states.getAsLong() + " of " + limit.getAsLong() + " pf states (" + Signals.percent(share) + ")");
        } else {
            evidence.add("pf state count or limit unknown");
        }
        if (drops.judgeable()) {
            evidence.add(Signals.rate(drops.mean()) + " memory drops/s (states refused)");
        }
        evidence.add("at the limit pf refuses new connections of every service");
        String summary = shareKnown ? "pf state table " + Signals.percent(share) + " full"
                : "pf state table full: new states refused";
        return List.of(new Verdict(Verdict.Kind.PF_STATE_TABLE_FULL,
                critical ? Verdict.Severity.CRITICAL : Verdict.Severity.WARNING, OptionalInt.empty(), summary,
                String.join(", ", evidence)));
    }
}
