package syntop.tui.action;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.collectors.action.Actions;
import syntop.themes.Role;
import syntop.tui.console.ConsoleLayer;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.threads.Daemons;
import syntop.tui.dialog.Box;
import syntop.tui.dialog.DialogHost;
import syntop.tui.keys.Keymap;
import syntop.tui.view.ViewState;
import syntop.widgets.Canvas;
import syntop.widgets.Dialog;
import syntop.widgets.Region;
import syntop.widgets.TextLine;
import syntop.widgets.Texts;

/**
 * The console's action keys, each handed to its feature's dialogs, and the dialog they open,
 * drawn over the console:
 * <ul>
 * <li>{@code p}, {@code u}: {@link TuningDialogs};</li>
 * <li>{@code d}: {@link DropDialogs};</li>
 * <li>{@code b}, {@code B}: {@link BlockDialogs}.</li>
 * </ul>
 * A new feature is one more class beside these and one more case in {@link #handle} (its key goes
 * in {@link Keymap} first). Commands run on a worker thread; the dialog says "working" meanwhile
 * and the console keeps sampling. Results stay in a dialog until closed and in the status line for
 * a few seconds. With {@code --read-only} the keys say so and do nothing.
 */
public final class ActionController implements ConsoleLayer, DialogHost {
    private static final Duration STATUS_FOR = Duration.ofSeconds(8);
    static final String READ_ONLY = "read-only: syntop runs with --read-only; actions are off";

    private final ActionContext cx;
    private final Clock clock;
    private final TuningDialogs tuning;
    private final DropDialogs drops;
    private final BlockDialogs blocks;

    private Box open;
    private String status;
    private boolean statusBad;
    private Instant statusUntil = Instant.EPOCH;

    /** The console's controller: actions from {@code env}, commands on one background thread. */
    public ActionController(ActionEnvironment env, boolean readOnly) {
        this(() -> env.actions(readOnly, Optional.empty()), readOnly,
                Executors.newSingleThreadExecutor(Daemons.named("syntop-actions")), Clock.systemUTC());
    }

    ActionController(Supplier<Actions> factory, boolean readOnly, Executor worker, Clock clock) {
        this.cx = new ActionContext(factory, readOnly, worker, this);
        this.clock = clock;
        this.tuning = new TuningDialogs(cx);
        this.drops = new DropDialogs(cx);
        this.blocks = new BlockDialogs(cx);
    }

    @Override
    public void redrawWith(Runnable r) {
        cx.redrawWith(r);
    }

    @Override
    public synchronized boolean handle(KeyStroke k, Optional<JudgedTick> frame, ViewState view) {
        if (k.getKeyType() == KeyType.EOF || (k.getKeyType() == KeyType.Character && k.isCtrlDown())) {
            return false;
        }
        if (open != null) {
            open.key(k);
            return true;
        }
        Optional<Keymap.Binding> b = Keymap.find(k, Keymap.Mode.LIVE).filter(x -> x.action().acts());
        if (b.isEmpty()) {
            return false;
        }
        if (cx.readOnly && b.get().action() != Keymap.Action.BLOCKED) {
            status(READ_ONLY, true);
            return true;
        }
        switch (b.get().action()) {
            case PROFILE -> tuning.openProfiles();
            case UNDO -> tuning.openUndo();
            case DROP -> drops.open(frame, view);
            case BLOCK -> blocks.openBlock(frame, view);
            case BLOCKED -> blocks.openBlocked();
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized void show(Box box) {
        open = box;
    }

    @Override
    public synchronized void status(String text, boolean bad) {
        status = text;
        statusBad = bad;
        statusUntil = clock.instant().plus(STATUS_FOR);
    }

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
        Dialog d = Dialog.of(open.title, lines, open.hint()).border(open.border).maxWidth(width).scroll(open.first());
        open.shown(d.window(screen));
        // once all of it has been seen the hint may change (no "confirm without reading")
        d = Dialog.of(open.title, lines, open.hint()).border(open.border).maxWidth(width).scroll(open.first());
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
}
