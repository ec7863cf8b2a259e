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
import syntop.tui.dialog.Box;
import syntop.tui.dialog.Confirm;
import syntop.tui.dialog.Info;
import syntop.tui.view.ListenPanel;
import syntop.tui.view.Panel;
import syntop.tui.view.ViewState;
import syntop.widgets.Canvas;
import syntop.widgets.Region;

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

    private final DialogLayer dialogs;
    private final ActionContext cx;
    private final Clock clock;
    private volatile SortedMap<Integer, Instant> proxied = new TreeMap<>();
    private volatile Instant readAt = Instant.EPOCH;

    public SynproxyController(ActionEnvironment env, boolean readOnly) {
        this(() -> env.actions(readOnly, Optional.empty()), readOnly,
                Executors.newSingleThreadExecutor(Daemons.named("syntop-synproxy")), Clock.systemUTC());
    }

    SynproxyController(Supplier<Actions> factory, boolean readOnly, Executor worker, Clock clock) {
        this.dialogs = new DialogLayer(clock);
        this.cx = new ActionContext(factory, readOnly, worker, dialogs);
        this.clock = clock;
    }

    @Override
    public void redrawWith(Runnable r) {
        cx.redrawWith(r);
    }

    /** The ports behind syntop's proxy in this namespace, since when (re-read at most every 5 s; empty when unreadable). */
    public SortedMap<Integer, Instant> proxied() {
        Instant now = clock.instant();
        if (now.isAfter(readAt.plus(REREAD))) {
            readAt = now;
            try {
                Actions a = cx.actions();
                proxied = a.interventions().synproxy().isPresent() ? new TreeMap<>(a.synproxy().current().ports()) : new TreeMap<>();
            } catch (ActionRefused | IllegalStateException e) {
                proxied = new TreeMap<>();
            }
        }
        return proxied;
    }

    @Override
    public synchronized boolean handle(KeyStroke k, Optional<JudgedTick> frame, ViewState view) {
        if (dialogs.key(k)) {
            return true;
        }
        if (k.getKeyType() != KeyType.Character || k.isAltDown() || k.isCtrlDown()) {
            return false;
        }
        if (k.getCharacter() == 'P') {
            if (cx.readOnly) {
                cx.show(cx.info("SYN proxy", List.of(ActionController.READ_ONLY), Role.WARN));
            } else {
                openFor(frame, view);
            }
            return true;
        }
        if (k.getCharacter() == 'u' && !cx.readOnly) {
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
            cx.show(cx.info("SYN proxy", List.of("select a listen queue (Tab to the Listen queues panel, j/k), or wait for a "
                    + "SYN-flood verdict: P acts on its port"), Role.DIALOG_BORDER));
            return;
        }
        int p = port.getAsInt();
        background("SYN proxy on :" + p, () -> {
            Actions a = cx.actions();
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
                return cx.info(plan.title(), body, Role.WARN);
            }
            return cx.needsRoot(plan.title(), body, "putting it behind the proxy").<Box>map(b -> b).orElseGet(() ->
                    new Confirm(dialogs, plan.title(), body, "[y] put it behind the proxy  [n] cancel", Role.CRITICAL,
                            () -> background("synproxy on " + p, () -> cx.result(a.synproxy().on(ports, before)))));
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
        return new Info(dialogs, "SYN proxy on :" + p + " (" + a.synproxy().firewall().object() + ")", body,
                "[o] take it off  [Esc] close", Role.DIALOG_BORDER)
                .extra('o', () -> background("synproxy off " + p, () -> cx.result(a.synproxy().off(new TreeSet<>(List.of(p))))));
    }

    /** u, when the proxy is the newest thing syntop did here: the plan to take it all off. */
    private boolean undoFirst() {
        try {
            Actions a = cx.actions();
            if (a.interventions().synproxy().isEmpty() || !a.synproxy().undoesFirst()) {
                return false;
            }
            SynproxyPlan plan = a.synproxy().planOff(new TreeSet<>());
            List<String> body = new ArrayList<>(plan.lines());
            body.add("");
            body.add("the SYN proxy went on after the last profile: undo takes it off first");
            cx.show(new Confirm(dialogs, "undo: " + plan.title(), body, "[y] take it off  [n] cancel", Role.CRITICAL,
                    () -> background("undo: synproxy off", () -> cx.result(a.synproxy().off(new TreeSet<>())))));
        } catch (ActionRefused e) {
            cx.show(cx.info("undo", List.of(e.getMessage()), Role.WARN));
        }
        return true;
    }

    /** {@link ActionContext#background}, and the ports proxied are read again once it is done. */
    private void background(String title, Supplier<Box> job) {
        cx.background(title, () -> {
            try {
                return job.get();
            } finally {
                readAt = Instant.EPOCH;
            }
        });
    }

    @Override
    public void draw(Canvas c, Region screen, ViewState view) {
        dialogs.draw(c, screen);
    }

    /** The open dialog as text (tests): title, body lines, hint. */
    Optional<String> dialogText() {
        return dialogs.dialogText();
    }
}
