package syntop.tui.action;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.ActionReport;
import syntop.collectors.action.Actions;
import syntop.collectors.action.SynproxyPlan;
import syntop.collectors.action.SynproxyState;
import syntop.collectors.detect.SynproxyWatch;
import syntop.collectors.detect.Verdict;
import syntop.collectors.model.ListenQueue;
import syntop.themes.Role;
import syntop.tui.console.ConsoleLayer;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.threads.Daemons;
import syntop.tui.view.ListenPanel;
import syntop.tui.view.Panel;
import syntop.tui.view.ViewState;
import syntop.widgets.Canvas;
import syntop.widgets.Region;
import syntop.widgets.Texts;

/**
 * The console's SYN proxy key, {@code P}, on the selected listen queue or, when the Listen queues
 * panel has no focus, on the port of the current SYN-flood (or SYN-proxy) verdict. A port not yet
 * behind syntop's proxy: the plan (settings diff, exact commands, what is missing), {@code y} puts
 * it behind the proxy. A proxied port: what the proxy is doing (SYN_RCVD then and now, SYNs
 * answered, connections completed), {@code o} takes it off. {@code u} takes the proxy off when it
 * is the newest thing syntop did in this namespace (else the profile undo handles {@code u}).
 * Everything goes through the same actions, guard and audit log as the other keys; commands run on
 * a worker thread. The ports proxied now are read from syntop's state at most every 5 s, for the
 * verdict on the proxy ({@link #proxied()}).
 */
public final class SynproxyController implements ConsoleLayer {
    private static final Duration REREAD = Duration.ofSeconds(5);
    private static final String HINT_CLOSE = "[Esc] close";

    private final Supplier<Actions> factory;
    private final boolean readOnly;
    private final Executor worker;
    private final Clock clock;
    private volatile Runnable redraw = () -> { };
    private Actions actions;
    private Box open;
    private volatile SortedMap<Integer, Instant> proxied = new TreeMap<>();
    private volatile Instant readAt = Instant.EPOCH;

    /** A dialog: its text, its hint line, and what y and o do (null: nothing). */
    private record Box(String title, List<String> lines, String hint, Role border, Runnable yes, Runnable off, boolean busy) {
    }

    public SynproxyController(ActionEnvironment env, boolean readOnly) {
        this(() -> env.actions(readOnly, Optional.empty()), readOnly,
                Executors.newSingleThreadExecutor(Daemons.named("syntop-synproxy")), Clock.systemUTC());
    }

    SynproxyController(Supplier<Actions> factory, boolean readOnly, Executor worker, Clock clock) {
        this.factory = factory;
        this.readOnly = readOnly;
        this.worker = worker;
        this.clock = clock;
    }

    @Override
    public void redrawWith(Runnable r) {
        redraw = r;
    }

    private synchronized Actions actions() {
        if (actions == null) {
            actions = factory.get();
        }
        return actions;
    }

    /** The ports behind syntop's proxy in this namespace, since when (re-read at most every 5 s; empty when unreadable). */
    public SortedMap<Integer, Instant> proxied() {
        Instant now = clock.instant();
        if (now.isAfter(readAt.plus(REREAD))) {
            readAt = now;
            try {
                Actions a = actions();
                proxied = a.interventions().synproxy().isPresent() ? new TreeMap<>(a.synproxy().current().ports()) : new TreeMap<>();
            } catch (ActionRefused | IllegalStateException e) {
                proxied = new TreeMap<>();
            }
        }
        return proxied;
    }

    @Override
    public synchronized boolean handle(KeyStroke k, Optional<JudgedTick> frame, ViewState view) {
        if (open != null) {
            return key(k);
        }
        if (k.getKeyType() != KeyType.Character || k.isAltDown() || k.isCtrlDown()) {
            return false;
        }
        if (k.getCharacter() == 'P') {
            if (readOnly) {
                open = info("SYN proxy", List.of(ActionController.READ_ONLY), Role.WARN);
            } else {
                openFor(frame, view);
            }
            return true;
        }
        if (k.getCharacter() == 'u' && !readOnly) {
            return undoFirst();
        }
        return false;
    }

    /** The port P acts on: the selected listen queue, else the SYN-flood (or SYN-proxy) verdict's. */
    static OptionalInt port(Optional<JudgedTick> frame, ViewState view) {
        if (frame.isEmpty()) {
            return OptionalInt.empty();
        }
        if (view.focus() == Panel.LISTEN) {
            List<ListenQueue> ls = ListenPanel.rows(frame.get(), view);
            if (!ls.isEmpty()) {
                return OptionalInt.of(ls.get(Math.min(view.selection(Panel.LISTEN), ls.size() - 1)).port());
            }
        }
        for (Verdict v : frame.get().verdicts()) {
            if ((v.kind() == Verdict.Kind.SYN_FLOOD || v.kind() == Verdict.Kind.SYNPROXY_NOT_HELPING) && v.port().isPresent()) {
                return v.port();
            }
        }
        return OptionalInt.empty();
    }

    private void openFor(Optional<JudgedTick> frame, ViewState view) {
        OptionalInt port = port(frame, view);
        if (port.isEmpty()) {
            open = info("SYN proxy", List.of("select a listen queue (Tab to the Listen queues panel, j/k), or wait for a "
                    + "SYN-flood verdict: P acts on its port"), Role.DIALOG_BORDER);
            return;
        }
        int p = port.getAsInt();
        background("SYN proxy on :" + p, () -> {
            Actions a = actions();
            SynproxyState.Content c = a.synproxy().current();
            if (c.ports().containsKey(p)) {
                return watching(a, c, p, frame);
            }
            java.util.SortedSet<Integer> ports = a.synproxy().ports(List.of(String.valueOf(p)), false);
            SynproxyPlan plan = a.synproxy().planOn(ports);
            List<String> body = new ArrayList<>(plan.lines());
            Map<Integer, Long> before = new TreeMap<>();
            frame.flatMap(f -> f.history().latest()).ifPresent(s -> SynproxyWatch.synRcvd(s, p).ifPresent(n -> before.put(p, n)));
            before.forEach((q, n) -> body.add(0, "SYN_RCVD on :" + q + " now: " + n));
            boolean missing = plan.notes().stream().anyMatch(n -> n.startsWith("MISSING: "));
            if (missing || plan.steps().isEmpty()) {
                return info(plan.title(), body, Role.WARN);
            }
            if (!a.settings().identity().isRoot()) {
                body.add("syntop does not run as root: this would be refused");
                return info(plan.title(), body, Role.WARN);
            }
            return new Box(plan.title(), body, "[y] put it behind the proxy  [n] cancel", Role.CRITICAL,
                    () -> background("synproxy on " + p, () -> result(a.synproxy().on(ports, before))), null, false);
        });
    }

    private Box watching(Actions a, SynproxyState.Content c, int p, Optional<JudgedTick> frame) {
        SortedMap<Integer, Instant> one = new TreeMap<>(Map.of(p, c.ports().get(p)));
        List<String> body = new ArrayList<>();
        frame.ifPresent(f -> body.addAll(SynproxyWatch.lines(f.history(), one, c.before())));
        frame.ifPresent(f -> f.verdicts().stream().filter(v -> v.kind() == Verdict.Kind.SYNPROXY_NOT_HELPING)
                .forEach(v -> {
                    body.add("");
                    body.add(v.summary());
                    body.add(v.evidence());
                }));
        body.add("");
        SynproxyPlan off = a.synproxy().planOff(new TreeSet<>(List.of(p)));
        body.add("o takes :" + p + " off:");
        body.addAll(off.lines());
        return new Box("SYN proxy on :" + p + " (" + a.synproxy().firewall().object() + ")", body,
                "[o] take it off  [Esc] close", Role.DIALOG_BORDER, null,
                () -> background("synproxy off " + p, () -> result(a.synproxy().off(new TreeSet<>(List.of(p))))), false);
    }

    /** u, when the proxy is the newest thing syntop did here: the plan to take it all off. */
    private boolean undoFirst() {
        try {
            Actions a = actions();
            if (a.interventions().synproxy().isEmpty() || !a.synproxy().undoesFirst()) {
                return false;
            }
            SynproxyPlan plan = a.synproxy().planOff(new TreeSet<>());
            List<String> body = new ArrayList<>(plan.lines());
            body.add("");
            body.add("the SYN proxy went on after the last profile: undo takes it off first");
            open = new Box("undo: " + plan.title(), body, "[y] take it off  [n] cancel", Role.CRITICAL,
                    () -> background("undo: synproxy off", () -> result(a.synproxy().off(new TreeSet<>()))), null, false);
        } catch (ActionRefused e) {
            open = info("undo", List.of(e.getMessage()), Role.WARN);
        }
        return true;
    }

    private boolean key(KeyStroke k) {
        Box d = open;
        if (d.busy()) {
            return true;
        }
        KeyType t = k.getKeyType();
        if (t == KeyType.Escape || t == KeyType.Enter && d.yes() == null) {
            open = null;
        } else if (t == KeyType.Character) {
            char c = k.getCharacter();
            if ((c == 'y' || c == 'Y') && d.yes() != null) {
                d.yes().run();
            } else if (c == 'o' && d.off() != null) {
                d.off().run();
            } else if (c == 'n' || c == 'q') {
                open = null;
            }
        }
        return true;
    }

    private void background(String title, Supplier<Box> job) {
        open = new Box(title, List.of("working…"), "", Role.DIALOG_BORDER, null, null, true);
        worker.execute(() -> {
            Box next;
            try {
                next = job.get();
            } catch (ActionRefused e) {
                next = info(e.reason() == ActionRefused.Reason.UNSUPPORTED ? "not possible here" : "refused",
                        List.of(e.getMessage()), Role.WARN);
            } catch (RuntimeException e) {
                next = info(title + ": failed", List.of(String.valueOf(e.getMessage())), Role.CRITICAL);
            }
            synchronized (this) {
                open = next;
                readAt = Instant.EPOCH;
            }
            redraw.run();
        });
    }

    private static Box info(String title, List<String> lines, Role border) {
        return new Box(title, lines, HINT_CLOSE, border, null, null, false);
    }

    private static Box result(ActionReport r) {
        List<String> lines = new ArrayList<>();
        r.lines().forEach(l -> lines.add(l.shown()));
        lines.add("");
        lines.add(r.summary());
        return info(r.title() + (r.ok() ? "" : ": FAILED"), lines, r.ok() ? Role.DIALOG_BORDER : Role.CRITICAL);
    }

    @Override
    public synchronized void draw(Canvas c, Region screen, ViewState view) {
        if (open == null) {
            return;
        }
        int width = Math.max(20, Math.min(screen.width() - 2, 110));
        int rows = Math.max(1, screen.height() - 8);
        List<String> lines = new ArrayList<>();
        for (String line : open.lines()) {
            lines.add(line.startsWith("      | ") || line.contains("  ") ? Texts.ellipsize(line, width - 4).replace(' ', '\u00a0') : line);
        }
        if (lines.size() > rows) {
            int cut = lines.size() - rows + 1;
            lines = new ArrayList<>(lines.subList(0, rows - 1));
            lines.add("… " + cut + " more line(s) cut; syntop synproxy on PORT --dry-run shows them all");
        }
        syntop.widgets.Dialog.of(open.title(), lines, open.hint()).border(open.border()).maxWidth(width).draw(c, screen);
    }

    /** The open dialog as text (tests): title, body lines, hint. */
    synchronized Optional<String> dialogText() {
        return open == null ? Optional.empty() : Optional.of(open.title() + "\n" + String.join("\n", open.lines()) + "\n" + open.hint());
    }
}
