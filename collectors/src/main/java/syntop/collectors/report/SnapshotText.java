package syntop.collectors.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import syntop.collectors.detect.PortBudget;
import syntop.collectors.detect.Verdict;
import syntop.collectors.history.History;
import syntop.collectors.history.Rate;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.TcpState;
import syntop.collectors.text.Durations;
import syntop.collectors.text.Printable;

/** The plain-text form of {@code syntop once}: what an operator reads in a terminal or a cron mail. */
public final class SnapshotText {
    private SnapshotText() {
    }

    public static String snapshot(JudgedTick tick) {
        Snapshot s = tick.snapshot();
        History history = tick.history();
        StringBuilder b = new StringBuilder();
        b.append("syntop ").append(Printable.of(s.host().hostname())).append(" (")
                .append(Printable.of(s.host().osVersion())).append(") at ")
                .append(s.at()).append('\n');
        if (tick.allQuiet()) {
            b.append("verdict: all quiet\n");
        }
        for (Verdict v : tick.verdicts()) {
            b.append("verdict: ").append(v.severity().name()).append(' ').append(Printable.of(v.summary()))
                    .append(" (").append(Printable.of(v.evidence())).append(")\n");
        }
        if (!tick.judgement().complete()) {
            b.append("verdict: ").append(Printable.of(tick.judgement().line())).append('\n');
        }
        b.append("\nstates\n");
        if (s.states().isEmpty()) {
            b.append("  (no source counted connection states)\n");
        }
        for (TcpState st : TcpState.values()) {
            if (s.states().isEmpty()) {
                break;
            }
            Optional<Double> d = history.stateChangePerSecond(st);
            b.append(String.format(Locale.ROOT, "  %-12s %10d %s%n", st.name(), s.states().get(st),
                    d.map(x -> String.format(Locale.ROOT, "%+.1f/s", x)).orElse("")));
        }
        PortBudget.of(history).ifPresent(pb -> b.append(pb.line()).append('\n'));
        b.append("\nlisten queues (accept/limit, syn)\n");
        if (s.listeners().isEmpty()) {
            b.append("  (none)\n");
        }
        s.listeners().stream().sorted(Comparator.comparingDouble(ListenQueue::fill).reversed()).forEach(q ->
                b.append(String.format(Locale.ROOT, "  %-5s %-28s %8d/%-8s syn %s%n", Printable.of(q.protocol()), Printable.of(q.endpoint()),
                        q.acceptQueue(), q.limit().isPresent() ? String.valueOf(q.limit().getAsLong()) : "?",
                        q.synQueue().isPresent() ? String.valueOf(q.synQueue().getAsLong()) : "?")));
        b.append("\ncounters\n");
        for (Map.Entry<CounterId, Long> e : s.counters().normalised().entrySet()) {
            // a gauge (sockets in use, a table's size) is a level: its change is no rate of events
            Rate r = history.rate(e.getKey());
            boolean rated = e.getKey().kind() == CounterId.Kind.COUNTER && r.known();
            b.append(String.format(Locale.ROOT, "  %-26s %14d%s%n", e.getKey().label(), e.getValue(),
                    rated ? String.format(Locale.ROOT, " %.1f/s", r.perSecond()) : ""));
        }
        for (Map.Entry<TcpState, List<AddressCount>> e : s.remotes().entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            b.append("\ntop remotes in ").append(e.getKey().name()).append('\n');
            e.getValue().stream().limit(10).forEach(a ->
                    b.append(String.format(Locale.ROOT, "  %-40s %8d%n", Printable.of(a.address()), a.count())));
        }
        if (!s.kernelEvents().isEmpty()) {
            b.append("\nkernel log (newest first)\n");
            s.kernelEvents().stream().limit(10).forEach(e -> b.append("  ").append(e.said(s.at())).append('\n'));
            if (s.kernelEvents().size() > 10) {
                b.append("  … and ").append(s.kernelEvents().size() - 10).append(" older\n");
            }
        }
        b.append("\nsources\n");
        for (SourceStatus st : s.sources().values()) {
            b.append(String.format(Locale.ROOT, "  %-24s %-11s %8s  %s%n", Printable.of(st.id()), st.health().label(),
                    Durations.format(st.took()), Printable.of(st.detail())));
        }
        return b.toString();
    }
}
