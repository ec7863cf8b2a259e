package syntop.tui.action;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.ActionReport;
import syntop.collectors.action.Actions;
import syntop.collectors.action.BlockedList;
import syntop.collectors.action.CommandPlan;
import syntop.collectors.action.ConnectionFilter;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.action.Profile;
import syntop.collectors.action.ProfileCatalog;
import syntop.collectors.action.ProfileDiff;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;
import syntop.themes.Role;
import syntop.tui.console.ConsoleLayer;
import syntop.tui.console.Frame;
import syntop.tui.console.Panel;
import syntop.tui.console.ViewState;
import syntop.tui.view.ListenPanel;
import syntop.tui.view.RemotesPanel;
import syntop.widgets.Canvas;
import syntop.widgets.Dialog;
import syntop.widgets.Region;
import syntop.widgets.TextLine;
import syntop.widgets.Texts;

/**
 * The console's action keys and their dialogs, drawn over the console:
 * <ul>
 * <li>{@code p}: pick a profile, see the diff (key, current, new, not on this OS), confirm, see
 * each key's result;</li>
 * <li>{@code u}: see what undo restores, confirm, see the result;</li>
 * <li>{@code d}: drop the selected remote's connections (Top remotes panel), or those matching a
 * state, local port and remote prefix typed in a small form; the dialog shows how many match in
 * the last sample and the exact commands before confirming;</li>
 * <li>{@code b}: block the selected remote, or the top SYN_RCVD sources; {@code B} (or {@code l}
 * in that dialog) lists what syntop blocked and unblocks.</li>
 * </ul>
 * Commands run on a worker thread; the dialog says "working" meanwhile and the console keeps
 * sampling. Results stay in a dialog until closed and in the footer for a few seconds. With
 * {@code --read-only} the keys say so and do nothing.
 */
public final class ActionController implements ConsoleLayer {
    /** How many SYN_RCVD sources "the top sources" means. */
    static final int TOP_SOURCES = 10;
    private static final Duration STATUS_FOR = Duration.ofSeconds(8);
    static final String UNREAD = "see the whole plan first (j, PgDn, End), or Y: confirm without reading";
    static final String READ_ONLY = "read-only: syntop runs with --read-only; actions are off";
    private static final List<Optional<TcpState>> STATES = List.of(Optional.empty(), Optional.of(TcpState.SYN_RCVD),
            Optional.of(TcpState.ESTABLISHED), Optional.of(TcpState.TIME_WAIT), Optional.of(TcpState.FIN_WAIT_1),
            Optional.of(TcpState.FIN_WAIT_2), Optional.of(TcpState.CLOSE_WAIT), Optional.of(TcpState.LAST_ACK),
            Optional.of(TcpState.CLOSING), Optional.of(TcpState.SYN_SENT));

    private final Supplier<Actions> factory;
    private final boolean readOnly;
    private final Executor worker;
    private final Clock clock;
    private volatile Runnable redraw = () -> { };
    private Actions actions;

    private Box open;
    private String status;
    private boolean statusBad;
    private Instant statusUntil = Instant.EPOCH;

    /** The console's controller: actions from {@code env}, commands on one background thread. */
    public ActionController(ActionEnvironment env, boolean readOnly) {
        this(() -> env.actions(readOnly, Optional.empty()), readOnly, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "syntop-actions");
            t.setDaemon(true);
            return t;
        }), Clock.systemUTC());
    }

    ActionController(Supplier<Actions> factory, boolean readOnly, Executor worker, Clock clock) {
        this.factory = factory;
        this.readOnly = readOnly;
        this.worker = worker;
        this.clock = clock;
    }

    @Override
    public void redrawWith(Runnable r) {
        redraw = r;
    }

    // ---- keys ----

    @Override
    public synchronized boolean handle(KeyStroke k, Optional<Frame> frame, ViewState view) {
        if (k.getKeyType() == KeyType.EOF || (k.getKeyType() == KeyType.Character && k.isCtrlDown())) {
            return false;
        }
        if (open != null) {
            open.key(k);
            return true;
        }
        if (k.getKeyType() != KeyType.Character || k.isAltDown()) {
            return false;
        }
        char c = k.getCharacter();
        if ("pudb".indexOf(c) >= 0 && readOnly) {
            status(READ_ONLY, true);
            return true;
        }
        switch (c) {
            case 'p': openProfiles(); return true;
            case 'u': openUndo(); return true;
            case 'd': openDrop(frame, view); return true;
            case 'b': openBlock(frame, view); return true;
            case 'B': openBlocked(); return true;
            default: return false;
        }
    }

    private synchronized Actions actions() {
        if (actions == null) {
            actions = factory.get();
        }
        return actions;
    }

    private boolean root() {
        return actions().settings().identity().isRoot();
    }

    /** Runs {@code job} on the worker; its result (or refusal) replaces the "working" dialog. */
    private void background(String title, Supplier<Box> job) {
        open = new Info(title, List.of("working…"), "", Role.DIALOG_BORDER).busy();
        worker.execute(() -> {
            Box next = null;
            ActionRefused refusal = null;
            RuntimeException failure = null;
            try {
                next = job.get();
            } catch (ActionRefused e) {
                refusal = e;
            } catch (RuntimeException e) {
                failure = e;
            }
            synchronized (this) {
                if (refusal != null) {
                    next = refused(refusal);
                } else if (failure != null) {
                    next = new Info(title + ": failed", List.of(String.valueOf(failure.getMessage())), "[Esc] close",
                            Role.CRITICAL);
                }
                open = next;
            }
            redraw.run();
        });
    }

    /** Runs {@code body} now; a refusal becomes a dialog. */
    private void guarded(Runnable body) {
        try {
            body.run();
        } catch (ActionRefused e) {
            open = refused(e);
        }
    }

    private Box refused(ActionRefused e) {
        status(e.getMessage(), true);
        String title = e.reason() == ActionRefused.Reason.UNSUPPORTED ? "not possible here" : "refused";
        return new Info(title, List.of(e.getMessage()), "[Esc] close", Role.WARN);
    }

    private Box result(ActionReport r) {
        status(r.title() + ": " + r.summary(), !r.ok());
        List<String> lines = new ArrayList<>();
        r.lines().forEach(l -> lines.add(l.shown()));
        lines.add("");
        lines.add(r.summary());
        return new Info(r.title() + (r.ok() ? "" : ": FAILED"), lines, "[Esc] close", r.ok() ? Role.DIALOG_BORDER : Role.CRITICAL);
    }

    private synchronized void status(String text, boolean bad) {
        status = text;
        statusBad = bad;
        statusUntil = clock.instant().plus(STATUS_FOR);
    }

    // ---- p: profiles ----

    private void openProfiles() {
        guarded(() -> {
            List<ProfileCatalog.Ref> refs = actions().profiles().list();
            List<String> items = refs.stream()
                    .map(r -> String.format(Locale.ROOT, "%-16s %s", r.name(), r.origin())).toList();
            open = new Pick("apply a sysctl profile", items, "[Enter] see the diff  [Esc] cancel", i -> {
                String name = refs.get(i).path().map(Object::toString).orElse(refs.get(i).name());
                background("profile " + refs.get(i).name(), () -> diffBox(actions().profiles().load(name)));
            });
        });
    }

    private Box diffBox(Profile p) {
        ProfileDiff d = actions().tuning().diff(p);
        List<String> body = new ArrayList<>(d.lines());
        body.add("");
        body.add(d.summary());
        List<String> notes = new ArrayList<>();
        for (Profile.Entry e : p.entries()) {
            if (!e.note().isEmpty()) {
                notes.add(e.key() + ":");
                e.note().forEach(n -> notes.add("  " + n));
            }
        }
        if (d.anyInvalid()) {
            body.add("refused: fix the profile; nothing can be applied");
            return new Info(d.title(), body, "[Esc] close", Role.WARN);
        }
        if (d.count(ProfileDiff.Change.CHANGE) == 0) {
            body.add("nothing to change");
            return new Info(d.title(), body, "[Esc] close", Role.DIALOG_BORDER);
        }
        body.add("previous values are saved first; u undoes");
        if (!root()) {
            body.add("syntop does not run as root: applying would be refused");
            return new Info(d.title(), body, "[Esc] close", Role.WARN);
        }
        Confirm c = new Confirm(d.title(), body, "[y] apply  [i] what each key does  [n] cancel", Role.CRITICAL,
                () -> background("apply " + p.name(), () -> result(actions().tuning().apply(p))));
        c.extra('i', () -> open = new Info(p.name() + ": what each key does and risks", notes, "[Esc] back", Role.DIALOG_BORDER)
                .onClose(() -> open = c));
        return c;
    }

    // ---- u: undo ----

    private void openUndo() {
        background("undo", () -> {
            Optional<ProfileDiff> d = actions().tuning().undoDiff();
            if (d.isEmpty()) {
                return new Info("undo", List.of(actions().tuning().nothingToUndo()), "[Esc] close", Role.DIALOG_BORDER);
            }
            List<String> body = new ArrayList<>(d.get().lines());
            body.add("");
            body.add("restores the values this profile replaced (the \"new\" column)");
            if (!root()) {
                body.add("syntop does not run as root: undoing would be refused");
                return new Info(d.get().title(), body, "[Esc] close", Role.WARN);
            }
            return new Confirm(d.get().title(), body, "[y] restore  [n] cancel", Role.CRITICAL,
                    () -> background("undo", () -> result(actions().tuning().undo())));
        });
    }

    // ---- d: drop ----

    private void openDrop(Optional<Frame> frame, ViewState view) {
        Optional<RemotesPanel.Row> sel = selectedRemote(frame, view);
        if (sel.isPresent()) {
            guarded(() -> open = dropBox(new ConnectionFilter(Optional.of(sel.get().state()), java.util.OptionalInt.empty(),
                    Optional.of(IpPrefix.parse(sel.get().address()))), frame));
            return;
        }
        DropForm form = new DropForm(frame);
        if (view.focus() == Panel.LISTEN && frame.isPresent()) {
            List<ListenQueue> ls = ListenPanel.rows(frame.get(), view);
            if (!ls.isEmpty()) {
                ListenQueue q = ls.get(Math.min(view.selection(Panel.LISTEN), ls.size() - 1));
                form.port.append(q.port());
                form.state = 1;
            }
        }
        open = form;
    }

    private Box dropBox(ConnectionFilter f, Optional<Frame> frame) {
        CommandPlan plan = actions().drops().planDrop(f);
        List<String> body = new ArrayList<>();
        body.add(f.describe());
        frame.ifPresent(fr -> body.add(MatchCount.describe(fr.snapshot(), f)));
        body.add("");
        body.add("commands, in order:");
        body.addAll(plan.lines());
        if (!root()) {
            body.add("");
            body.add("syntop does not run as root: dropping would be refused");
            return new Info(plan.title(), body, "[Esc] close", Role.WARN);
        }
        Confirm c = new Confirm(plan.title(), body, "[y] drop  [e] edit the filter  [n] cancel", Role.CRITICAL,
                () -> background(plan.title(), () -> result(actions().drops().drop(f))));
        c.extra('e', () -> open = new DropForm(frame).from(f));
        return c;
    }

    private static Optional<RemotesPanel.Row> selectedRemote(Optional<Frame> frame, ViewState view) {
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

    // ---- b, B: block ----

    private void openBlock(Optional<Frame> frame, ViewState view) {
        guarded(() -> {
            List<AddressCount> top = frame.map(f -> topSources(f.snapshot())).orElse(List.of());
            Optional<RemotesPanel.Row> sel = selectedRemote(frame, view);
            if (sel.isPresent()) {
                RemotesPanel.Row r = sel.get();
                open = blockBox(List.of(IpPrefix.parse(r.address())),
                        List.of(r.address() + " holds " + r.count() + " " + r.state().name() + " connection(s) in the last sample"),
                        top);
            } else if (!top.isEmpty()) {
                List<String> why = new ArrayList<>();
                why.add("the top " + top.size() + " SYN_RCVD sources in the last sample:");
                top.forEach(a -> why.add(String.format(Locale.ROOT, "  %-40s %d", a.address(), a.count())));
                open = blockBox(top.stream().map(a -> IpPrefix.parse(a.address())).toList(), why, List.of());
            } else {
                Info i = new Info("block", List.of("no SYN_RCVD sources in the last sample; select a remote in the "
                        + "Top remotes panel (Tab) and press b"), "[l] blocked list  [Esc] close", Role.DIALOG_BORDER);
                i.extra('l', this::openBlocked);
                open = i;
            }
        });
    }

    static List<AddressCount> topSources(Snapshot s) {
        return s.remotes(TcpState.SYN_RCVD).stream().filter(a -> IpPrefix.isValid(a.address()))
                .sorted((x, y) -> Long.compare(y.count(), x.count())).limit(TOP_SOURCES).toList();
    }

    private Box blockBox(List<IpPrefix> wanted, List<String> why, List<AddressCount> alternative) {
        List<IpPrefix> ok = new ArrayList<>();
        List<String> body = new ArrayList<>(why);
        List<String> commands = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (IpPrefix p : wanted) {
            try {
                CommandPlan plan = actions().blocks().planBlock(p);
                ok.add(p);
                for (CommandPlan.Step s : plan.steps()) {
                    if (!commands.contains("  " + s.shown())) {
                        commands.add("  " + s.shown());
                    }
                }
                plan.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
            } catch (ActionRefused e) {
                body.add("skipped: " + e.getMessage());
            }
        }
        body.add("");
        body.add("commands, in order:");
        body.addAll(commands);
        notes.forEach(n -> body.add("note: " + n));
        String title = "block " + (ok.size() == 1 ? ok.get(0).toString() : ok.size() + " sources");
        String more = alternative.isEmpty() ? "" : "  [t] the top " + alternative.size() + " SYN_RCVD instead";
        if (ok.isEmpty() || !root()) {
            body.add(ok.isEmpty() ? "nothing to block" : "syntop does not run as root: blocking would be refused");
            Info i = new Info(title, body, "[l] blocked list  [Esc] close", Role.WARN);
            i.extra('l', this::openBlocked);
            return i;
        }
        Confirm c = new Confirm(title, body, "[y] block" + more + "  [l] blocked list  [n] cancel", Role.CRITICAL,
                () -> background(title, () -> result(actions().blocks().block(ok))));
        c.extra('l', this::openBlocked);
        if (!alternative.isEmpty()) {
            c.extra('t', () -> {
                List<String> w = new ArrayList<>();
                w.add("the top " + alternative.size() + " SYN_RCVD sources in the last sample:");
                alternative.forEach(a -> w.add(String.format(Locale.ROOT, "  %-40s %d", a.address(), a.count())));
                guarded(() -> open = blockBox(alternative.stream().map(a -> IpPrefix.parse(a.address())).toList(), w, List.of()));
            });
        }
        return c;
    }

    private void openBlocked() {
        guarded(() -> {
            List<BlockedList.Entry> list = actions().blocks().blocked();
            if (list.isEmpty()) {
                open = new Info("blocked by syntop", List.of("syntop has blocked nothing"), "[Esc] close", Role.DIALOG_BORDER);
                return;
            }
            List<String> items = list.stream().map(e -> String.format(Locale.ROOT, "%-32s %s  since %s", e.source(),
                    actions().interventions().describe(e.target()), e.at().toString().substring(0, 16).replace('T', ' '))).toList();
            Pick pick = new Pick("blocked by syntop (" + list.size() + ") in " + actions().namespace(), items, "[u] unblock  [Esc] close", null);
            pick.extra('u', i -> {
                if (readOnly) {
                    status(READ_ONLY, true);
                    return;
                }
                IpPrefix p = list.get(i).source();
                guarded(() -> {
                    CommandPlan plan = actions().blocks().planUnblock(p);
                    List<String> body = new ArrayList<>(plan.lines());
                    if (!root()) {
                        body.add("syntop does not run as root: unblocking would be refused");
                        open = new Info(plan.title(), body, "[Esc] close", Role.WARN);
                        return;
                    }
                    open = new Confirm(plan.title(), body, "[y] unblock  [n] cancel", Role.DIALOG_BORDER,
                            () -> background(plan.title(), () -> result(actions().blocks().unblock(List.of(p)))));
                });
            });
            open = pick;
        });
    }

    // ---- drawing ----

    @Override
    public synchronized void draw(Canvas c, Region screen, ViewState view) {
        if (status != null && clock.instant().isBefore(statusUntil) && screen.height() > 0) {
            Region row = screen.row(screen.height() - 1);
            c.clear(row, statusBad ? Role.WARN : Role.FOOTER_TEXT);
            TextLine.left(c, row, 0, Texts.ellipsize(status, row.width(), c.glyphs().ellipsis()), statusBad ? Role.WARN : Role.FOOTER_TEXT);
        }
        if (open == null) {
            return;
        }
        int width = Math.max(20, Math.min(screen.width() - 2, 110));
        List<String> lines = new ArrayList<>();
        for (String line : open.body(Math.max(1, screen.height() - 8), width - 4)) {
            // table rows keep their columns together: their inner spaces are unbreakable
            int indent = line.length() - line.stripLeading().length();
            lines.add(line.strip().contains("  ") ? line.substring(0, indent) + line.substring(indent).replace(' ', '\u00a0') : line);
        }
        Dialog d = Dialog.of(open.title, lines, open.hint()).border(open.border).maxWidth(width).scroll(open.first);
        open.shown(d.window(screen));
        // once all of it has been seen the hint may change (no "confirm without reading")
        d = Dialog.of(open.title, lines, open.hint()).border(open.border).maxWidth(width).scroll(open.first);
        open.shown(d.window(screen));
        d.draw(c, screen);
    }

    /** The open dialog as text (tests): title, body lines, hint. */
    synchronized Optional<String> dialogText() {
        if (open == null) {
            return Optional.empty();
        }
        return Optional.of(open.title + "\n" + String.join("\n", open.body(1000, 200)) + "\n" + open.hint());
    }

    synchronized Optional<String> statusText() {
        return status != null && clock.instant().isBefore(statusUntil) ? Optional.of(status) : Optional.empty();
    }

    // ---- dialogs ----

    /**
     * One dialog: title, body, keys. A body longer than the screen scrolls (Down/j/PgDn, Up/k/PgUp,
     * Home, End); the box remembers whether its last line has been on screen.
     */
    private abstract class Box {
        final String title;
        final String hint;
        final Role border;
        int first;
        private int page = 1;
        boolean seenAll;
        private final java.util.Map<Character, Runnable> extras = new java.util.HashMap<>();
        private Runnable onClose = () -> open = null;

        Box(String title, String hint, Role border) {
            this.title = title;
            this.hint = hint;
            this.border = border;
        }

        abstract List<String> body(int rows, int width);

        String hint() {
            return hint;
        }

        /** Called at each draw with the part of the body on screen (the screen may have changed size). */
        void shown(Dialog.Window w) {
            first = w.first();
            page = Math.max(1, w.rows() - 1);
            seenAll |= w.atEnd();
        }

        /** Moves the window over the body; false when {@code k} is not a scroll key. */
        boolean scroll(KeyStroke k) {
            KeyType t = k.getKeyType();
            char ch = t == KeyType.Character ? k.getCharacter() : 0;
            if (t == KeyType.ArrowDown || ch == 'j') {
                first++;
            } else if (t == KeyType.ArrowUp || ch == 'k') {
                first = Math.max(0, first - 1);
            } else if (t == KeyType.PageDown) {
                first += page;
            } else if (t == KeyType.PageUp) {
                first = Math.max(0, first - page);
            } else if (t == KeyType.Home) {
                first = 0;
            } else if (t == KeyType.End) {
                first = Integer.MAX_VALUE / 2;
            } else {
                return false;
            }
            return true;
        }

        Box extra(char key, Runnable r) {
            extras.put(key, r);
            return this;
        }

        Box onClose(Runnable r) {
            onClose = r;
            return this;
        }

        void close() {
            onClose.run();
        }

        /** Keys every dialog shares: scrolling; Esc (and n, q) close; extra keys. */
        void key(KeyStroke k) {
            if (scroll(k)) {
                return;
            }
            if (k.getKeyType() == KeyType.Escape) {
                close();
                return;
            }
            if (k.getKeyType() == KeyType.Character) {
                Runnable r = extras.get(k.getCharacter());
                if (r != null) {
                    r.run();
                } else if (k.getCharacter() == 'n' || k.getCharacter() == 'q') {
                    close();
                }
            }
        }
    }

    /** Text and a way out; while busy, no way out (the command is running). */
    private final class Info extends Box {
        private final List<String> lines;
        private boolean busy;

        Info(String title, List<String> lines, String hint, Role border) {
            super(title, hint, border);
            this.lines = List.copyOf(lines);
        }

        Info busy() {
            busy = true;
            return this;
        }

        @Override
        List<String> body(int rows, int width) {
            return lines;
        }

        @Override
        void key(KeyStroke k) {
            if (busy) {
                return;
            }
            if (k.getKeyType() == KeyType.Enter) {
                close();
                return;
            }
            super.key(k);
        }
    }

    /**
     * A question: y runs it once the whole body has been on screen, Y runs it unread (the hint says
     * so while part of it is still unseen); n or Esc closes.
     */
    private final class Confirm extends Box {
        private final List<String> lines;
        private final Runnable yes;

        Confirm(String title, List<String> lines, String hint, Role border, Runnable yes) {
            super(title, hint, border);
            this.lines = List.copyOf(lines);
            this.yes = yes;
        }

        @Override
        List<String> body(int rows, int width) {
            return lines;
        }

        @Override
        String hint() {
            return seenAll ? hint : hint + "  [Y] confirm without reading";
        }

        @Override
        void key(KeyStroke k) {
            if (k.getKeyType() == KeyType.Character && k.getCharacter() == 'y' && !seenAll) {
                status(UNREAD, true);
                return;
            }
            if (k.getKeyType() == KeyType.Character && (k.getCharacter() == 'y' || k.getCharacter() == 'Y')) {
                yes.run();
                return;
            }
            super.key(k);
        }
    }

    /** A list with a selection: arrows or j/k move, Enter picks, extra keys act on the selected item. */
    private final class Pick extends Box {
        private final List<String> items;
        private final java.util.function.IntConsumer enter;
        private final java.util.Map<Character, java.util.function.IntConsumer> onItem = new java.util.HashMap<>();
        private int selected;

        Pick(String title, List<String> items, String hint, java.util.function.IntConsumer enter) {
            super(title, hint, Role.DIALOG_BORDER);
            this.items = List.copyOf(items);
            this.enter = enter;
        }

        Pick extra(char key, java.util.function.IntConsumer action) {
            onItem.put(key, action);
            return this;
        }

        @Override
        List<String> body(int rows, int width) {
            int visible = Math.max(1, rows);
            int first = Math.max(0, Math.min(selected - visible / 2, items.size() - visible));
            List<String> out = new ArrayList<>();
            for (int i = first; i < items.size() && out.size() < visible; i++) {
                out.add((i == selected ? "> " : "  ") + items.get(i));
            }
            return out;
        }

        @Override
        void key(KeyStroke k) {
            KeyType t = k.getKeyType();
            if (t == KeyType.ArrowDown || (t == KeyType.Character && k.getCharacter() == 'j')) {
                selected = Math.min(items.size() - 1, selected + 1);
            } else if (t == KeyType.ArrowUp || (t == KeyType.Character && k.getCharacter() == 'k')) {
                selected = Math.max(0, selected - 1);
            } else if (t == KeyType.Enter && enter != null && !items.isEmpty()) {
                enter.accept(selected);
            } else if (t == KeyType.Character && onItem.containsKey(k.getCharacter()) && !items.isEmpty()) {
                onItem.get(k.getCharacter()).accept(selected);
            } else {
                super.key(k);
            }
        }
    }

    /** State, local port and remote prefix for a drop, typed in place. */
    private final class DropForm extends Box {
        int state;
        final StringBuilder port = new StringBuilder();
        final StringBuilder remote = new StringBuilder();
        private int field;
        private String error = "";
        private final Optional<Frame> frame;

        DropForm(Optional<Frame> frame) {
            super("drop connections", "[Tab] next field  [←/→] state  [Enter] review  [Esc] cancel", Role.DIALOG_BORDER);
            this.frame = frame;
        }

        DropForm from(ConnectionFilter f) {
            state = Math.max(0, STATES.indexOf(f.state()));
            f.localPort().ifPresent(port::append);
            f.remote().ifPresent(remote::append);
            return this;
        }

        private Optional<ConnectionFilter> filter() {
            try {
                return Optional.of(ConnectionFilter.of(STATES.get(state).map(TcpState::name).orElse(""), port.toString(),
                        remote.toString()));
            } catch (ActionRefused e) {
                return Optional.empty();
            }
        }

        @Override
        List<String> body(int rows, int width) {
            List<String> out = new ArrayList<>();
            out.add((field == 0 ? "> " : "  ") + "state:  < " + STATES.get(state).map(TcpState::name).orElse("any but LISTEN") + " >");
            out.add((field == 1 ? "> " : "  ") + "port:   " + port + (field == 1 ? "_" : ""));
            out.add((field == 2 ? "> " : "  ") + "remote: " + remote + (field == 2 ? "_" : "")
                    + (remote.length() == 0 ? "  (address or prefix, e.g. 203.0.113.0/24)" : ""));
            out.add("");
            Optional<ConnectionFilter> f = filter();
            if (!error.isEmpty()) {
                out.add(error);
            } else if (f.isPresent() && frame.isPresent()) {
                out.add(MatchCount.describe(frame.get().snapshot(), f.get()));
            } else {
                out.add("give at least one of state, port, remote");
            }
            return out;
        }

        @Override
        void key(KeyStroke k) {
            KeyType t = k.getKeyType();
            error = "";
            if (t == KeyType.Tab || t == KeyType.ArrowDown) {
                field = (field + 1) % 3;
            } else if (t == KeyType.ReverseTab || t == KeyType.ArrowUp) {
                field = (field + 2) % 3;
            } else if (field == 0 && (t == KeyType.ArrowRight || t == KeyType.ArrowLeft)) {
                state = (state + (t == KeyType.ArrowRight ? 1 : STATES.size() - 1)) % STATES.size();
            } else if (t == KeyType.Backspace) {
                StringBuilder sb = field == 1 ? port : field == 2 ? remote : null;
                if (sb != null && sb.length() > 0) {
                    sb.setLength(sb.length() - 1);
                }
            } else if (t == KeyType.Enter) {
                try {
                    ConnectionFilter f = ConnectionFilter.of(STATES.get(state).map(TcpState::name).orElse(""),
                            port.toString(), remote.toString());
                    open = dropBox(f, frame);
                } catch (ActionRefused e) {
                    if (e.reason() == ActionRefused.Reason.INVALID) {
                        error = e.getMessage();
                    } else {
                        open = refused(e);
                    }
                }
            } else if (t == KeyType.Character && field == 1 && Character.isDigit(k.getCharacter()) && port.length() < 5) {
                port.append(k.getCharacter());
            } else if (t == KeyType.Character && field == 2 && "0123456789abcdefABCDEF.:/".indexOf(k.getCharacter()) >= 0
                    && remote.length() < 43) {
                remote.append(k.getCharacter());
            } else if (t == KeyType.Escape) {
                close();
            }
        }
    }

}
