package syntop.tui.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.ActionReport;
import syntop.collectors.action.Actions;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;
import syntop.themes.Role;
import syntop.collectors.judge.JudgedTick;
import syntop.tui.dialog.Box;
import syntop.tui.dialog.DialogHost;
import syntop.tui.dialog.Info;
import syntop.tui.view.Panel;
import syntop.tui.view.RemotesPanel;
import syntop.tui.view.ViewState;

/**
 * What every feature's dialogs share: the machine's actions (made on first use), the worker that
 * runs commands, the host the dialogs open in, and the answers every feature gives the same way
 * (refused, failed, a report, "needs root").
 */
final class ActionContext {
    /** How many SYN_RCVD sources "the top sources" means. */
    static final int TOP_SOURCES = 10;

    private final Supplier<Actions> factory;
    final boolean readOnly;
    private final Executor worker;
    final DialogHost host;
    private volatile Runnable redraw = () -> { };
    private Actions actions;

    ActionContext(Supplier<Actions> factory, boolean readOnly, Executor worker, DialogHost host) {
        this.factory = factory;
        this.readOnly = readOnly;
        this.worker = worker;
        this.host = host;
    }

    void redrawWith(Runnable r) {
        redraw = r;
    }

    synchronized Actions actions() {
        if (actions == null) {
            actions = factory.get();
        }
        return actions;
    }

    void show(Box b) {
        host.show(b);
    }

    Info info(String title, List<String> lines, Role border) {
        return new Info(host, title, lines, "[Esc] close", border);
    }

    /**
     * The dialog to show instead of a confirmation when syntop is not root: the plan and
     * "{@code doing} would be refused"; empty when it is root.
     */
    Optional<Info> needsRoot(String title, List<String> body, String doing) {
        if (actions().settings().identity().isRoot()) {
            return Optional.empty();
        }
        List<String> all = new ArrayList<>(body);
        all.add("syntop does not run as root: " + doing + " would be refused");
        return Optional.of(info(title, all, Role.WARN));
    }

    /** Runs {@code job} on the worker; its result (or refusal) replaces the "working" dialog. */
    void background(String title, Supplier<Box> job) {
        show(new Info(host, title, List.of("working…"), "", Role.DIALOG_BORDER).busy());
        worker.execute(() -> {
            Box next;
            try {
                next = job.get();
            } catch (ActionRefused e) {
                next = refused(e);
            } catch (RuntimeException e) {
                next = info(title + ": failed", List.of(String.valueOf(e.getMessage())), Role.CRITICAL);
            }
            show(next);
            redraw.run();
        });
    }

    /** Runs {@code body} now; a refusal becomes a dialog. */
    void guarded(Runnable body) {
        try {
            body.run();
        } catch (ActionRefused e) {
            show(refused(e));
        }
    }

    Box refused(ActionRefused e) {
        host.status(e.getMessage(), true);
        return info(e.reason() == ActionRefused.Reason.UNSUPPORTED ? "not possible here" : "refused", List.of(e.getMessage()),
                Role.WARN);
    }

    Box result(ActionReport r) {
        host.status(r.title() + ": " + r.summary(), !r.ok());
        List<String> lines = new ArrayList<>();
        r.lines().forEach(l -> lines.add(l.shown()));
        lines.add("");
        lines.add(r.summary());
        return info(r.title() + (r.ok() ? "" : ": FAILED"), lines, r.ok() ? Role.DIALOG_BORDER : Role.CRITICAL);
    }

    /** The Top remotes panel's selected row when that panel has the focus and the row is an address. */
    static Optional<RemotesPanel.Row> selectedRemote(Optional<JudgedTick> frame, ViewState view) {
        if (frame.isEmpty() || view.focus() != Panel.REMOTES) {
            return Optional.empty();
        }
        List<RemotesPanel.Row> rows = RemotesPanel.rows(frame.get(), view);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        RemotesPanel.Row r = rows.get(Math.max(0, Math.min(view.selection(Panel.REMOTES), rows.size() - 1)));
        return IpPrefix.isValid(r.address()) ? Optional.of(r) : Optional.empty();
    }

    /** The sources holding the most SYN_RCVD connections, at most {@link #TOP_SOURCES}. */
    static List<AddressCount> topSources(Snapshot s) {
        return s.remotes(TcpState.SYN_RCVD).stream().filter(a -> IpPrefix.isValid(a.address()))
                .sorted((x, y) -> Long.compare(y.count(), x.count())).limit(TOP_SOURCES).toList();
    }

    /** "the top N SYN_RCVD sources" and one line per source with its count. */
    static List<String> describeTop(List<AddressCount> top) {
        List<String> out = new ArrayList<>();
        out.add("the top " + top.size() + " SYN_RCVD sources in the last sample:");
        top.forEach(a -> out.add(String.format(Locale.ROOT, "  %-40s %d", a.address(), a.count())));
        return out;
    }
}
