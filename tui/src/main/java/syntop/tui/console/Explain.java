package syntop.tui.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import syntop.collectors.detect.PortBudget;
import syntop.collectors.detect.Verdict;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.knowledge.Explanation;
import syntop.collectors.knowledge.Knowledge;
import syntop.collectors.knowledge.KnowledgeEntry;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;
import syntop.tui.view.DefencesPanel;
import syntop.tui.view.ListenPanel;
import syntop.tui.view.Panel;
import syntop.tui.view.RemotesPanel;
import syntop.tui.view.ViewState;

/**
 * What {@code e} shows: the knowledge {@code syntop explain} prints, for what the focused panel's
 * selected row is (a state, a listener with the settings that bound its queues, a remote's state;
 * on SYN defences, which has no row selection, every row it shows), then for each kind of verdict
 * on the verdict line. Tunables show the value this sample read.
 */
final class Explain {
    /** Loaded once: the entries are resources of the jar. */
    private static final Knowledge KNOWLEDGE = Knowledge.builtIn();

    private Explain() {
    }

    static List<String> lines(JudgedTick f, ViewState v) {
        Snapshot s = f.snapshot();
        OsFamily os = s.host().os();
        List<String> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        switch (v.focus()) {
            case STATES -> names.add(TcpState.values()[Math.min(v.selection(Panel.STATES), TcpState.values().length - 1)]
                    .label());
            case LISTEN -> {
                List<ListenQueue> rows = ListenPanel.rows(f, v);
                if (rows.isEmpty()) {
                    out.add("Listen queues: no listener selected");
                } else {
                    ListenQueue q = rows.get(Math.min(v.selection(Panel.LISTEN), rows.size() - 1));
                    out.add("listener " + q.protocol() + " " + q.localAddress() + ":" + q.port()
                            + ": its queues, and the settings that bound them");
                    names.add(TcpState.LISTEN.label());
                    names.addAll(os == OsFamily.LINUX ? List.of("net.core.somaxconn", "net.ipv4.tcp_max_syn_backlog")
                            : List.of("kern.ipc.somaxconn"));
                }
            }
            case REMOTES -> {
                List<RemotesPanel.Row> rows = RemotesPanel.rows(f, v);
                if (rows.isEmpty()) {
                    out.add("Top remotes: no remote selected");
                } else {
                    RemotesPanel.Row r = rows.get(Math.min(v.selection(Panel.REMOTES), rows.size() - 1));
                    out.add("remote " + r.address() + ": the state it holds connections in");
                    names.add(r.state().label());
                }
            }
            case DEFENCES -> {
                out.add("SYN defences: every row the panel shows");
                names.addAll(DefencesPanel.knowledgeNames(s, PortBudget.of(f.history()).isPresent()));
            }
        }
        for (Verdict d : f.verdicts()) {
            names.add(d.kind().label());
        }
        for (String n : names) {
            Optional<KnowledgeEntry> e = KNOWLEDGE.find(n);
            if (e.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add("");
            }
            out.addAll(Explanation.lines(e.get(), os, liveValue(e.get(), s)));
        }
        if (f.verdicts().isEmpty()) {
            out.add("");
            out.add("verdict line: no verdict in this sample");
        }
        return out;
    }

    /** A tunable's value as this sample read it; the console reads no other. */
    private static Optional<String> liveValue(KnowledgeEntry e, Snapshot s) {
        if (e.kind() != KnowledgeEntry.Kind.TUNABLE) {
            return Optional.empty();
        }
        return s.tunable(e.name()).map(x -> x + " in this sample");
    }
}
