package syntop.tui.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import syntop.collectors.judge.JudgedTick;
import syntop.collectors.detect.Verdict;
import syntop.collectors.history.Rate;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;
import syntop.tui.view.Format;
import syntop.tui.view.ListenPanel;
import syntop.tui.view.Panel;
import syntop.tui.view.RemotesPanel;
import syntop.tui.view.ViewState;

/**
 * What Enter shows, as htop's detail view: every verdict with its full evidence, then all the
 * numbers behind the focused panel's selected row (a listener's queues and limit, a remote's
 * count, a state's count and change) or, on SYN defences, every counter the machine has.
 */
final class Details {
    private Details() {
    }

    static List<String> lines(JudgedTick f, ViewState v) {
        List<String> out = new ArrayList<>();
        if (f.verdicts().isEmpty()) {
            out.add("no verdict in this sample");
        }
        for (Verdict d : f.verdicts()) {
            out.add(d.severity() + " " + d.kind().label() + ": " + d.summary());
            out.add("  evidence: " + d.evidence());
        }
        out.add("");
        Snapshot s = f.snapshot();
        switch (v.focus()) {
            case LISTEN -> {
                List<ListenQueue> rows = ListenPanel.rows(f, v);
                if (rows.isEmpty()) {
                    out.add("Listen queues: no listener");
                    break;
                }
                ListenQueue q = rows.get(Math.min(v.selection(Panel.LISTEN), rows.size() - 1));
                out.add("listener " + q.protocol() + " " + q.localAddress() + ":" + q.port());
                out.add("  process: " + q.process().map(p -> p.known() ? p.label() : p.unknown()).orElse("not named (ss -p names it to root or its own user; BSD: not read)"));
                out.add("  accept queue: " + q.acceptQueue());
                out.add("  SYN queue: " + q.synQueue().stream().mapToObj(Long::toString).findFirst().orElse("not reported by this source"));
                out.add("  limit: " + q.limit().stream().mapToObj(Long::toString).findFirst().orElse("not reported by this source"));
                out.add("  fill: " + (q.limit().isPresent() ? String.format(Locale.ROOT, "%.0f %%", 100 * q.fill()) : "unknown without a limit"));
            }
            case REMOTES -> {
                List<RemotesPanel.Row> rows = RemotesPanel.rows(f, v);
                if (rows.isEmpty()) {
                    out.add("Top remotes: no remote in a pile-up state");
                    break;
                }
                RemotesPanel.Row r = rows.get(Math.min(v.selection(Panel.REMOTES), rows.size() - 1));
                out.add("remote " + r.address());
                out.add("  " + r.state().name() + " connections: " + r.count());
            }
            case STATES -> {
                TcpState st = TcpState.values()[Math.min(v.selection(Panel.STATES), TcpState.values().length - 1)];
                out.add("state " + st.name());
                out.add("  connections: " + s.states().get(st));
                out.add("  change: " + f.history().stateChangePerSecond(st).map(x -> Format.rate(x, true) + "/s")
                        .orElse("not known yet (one sample)"));
            }
            case DEFENCES -> {
                out.add("every counter this machine reports:");
                for (CounterId id : CounterId.values()) {
                    OptionalLong n = s.counters().get(id);
                    if (n.isPresent()) {
                        Rate rate = f.history().rate(id);
                        String perSecond = id.kind() == CounterId.Kind.COUNTER && rate.known()
                                ? ", " + Format.rate(rate.perSecond(), false) + "/s" : "";
                        out.add("  " + id.label().replace('_', ' ') + ": " + n.getAsLong() + perSecond);
                    }
                }
            }
        }
        return out;
    }
}
