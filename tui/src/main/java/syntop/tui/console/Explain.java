package syntop.tui.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import syntop.collectors.detect.PortBudget;
import syntop.collectors.detect.Verdict;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.knowledge.Explanation;
import syntop.collectors.knowledge.Knowledge;
import syntop.collectors.knowledge.KnowledgeEntry;
import syntop.collectors.model.CounterId;
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
 * on the verdict line. Tunables, counters and states show the value this sample read.
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
                    names.addAll(switch (os) {
                        case LINUX -> List.of("net.core.somaxconn", "net.ipv4.tcp_syncookies", "net.ipv4.tcp_max_syn_backlog");
                        // half-open connections wait in the syncache there, outside the listener's queue
                        case FREEBSD -> List.of("kern.ipc.somaxconn", "net.inet.tcp.syncache.cachelimit",
                                "net.inet.tcp.syncookies");
                        // half-open sockets share the queue, each for up to keepinit
                        case MACOS -> List.of("kern.ipc.somaxconn", "net.inet.tcp.keepinit");
                    });
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
            out.addAll(Explanation.paragraphs(e.get(), os, liveValue(e.get(), s)));
        }
        if (f.verdicts().isEmpty()) {
            out.add("");
            out.add("verdict line: no verdict in this sample");
        }
        return out;
    }

    /**
     * The value this sample read for a tunable, a counter or a state's socket count; a name this OS has
     * but the sample lacks says so. A verdict kind has no value.
     */
    private static Optional<String> liveValue(KnowledgeEntry e, Snapshot s) {
        OsFamily os = s.host().os();
        switch (e.kind()) {
            case TUNABLE:
                return s.tunable(e.name()).map(x -> x + " in this sample")
                        .or(() -> e.absentOn(os) ? Optional.empty() : Optional.of("not read in this sample"));
            case COUNTER:
                for (CounterId id : CounterId.values()) {
                    if (id.label().equals(e.name())) {
                        OptionalLong v = s.counters().get(id);
                        return v.isPresent() ? Optional.of(v.getAsLong() + " in this sample")
                                : e.absentOn(os) ? Optional.empty() : Optional.of("not read in this sample");
                    }
                }
                return Optional.empty();
            case STATE:
                if (s.states().isEmpty()) {
                    return Optional.of("socket states not read in this sample");
                }
                for (TcpState t : TcpState.values()) {
                    if (t.label().equals(e.name())) {
                        return Optional.of(s.states().get(t) + " sockets in this sample");
                    }
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }
}
