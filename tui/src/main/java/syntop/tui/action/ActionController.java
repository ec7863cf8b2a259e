package syntop.tui.action;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.collectors.action.Actions;
import syntop.tui.console.ConsoleLayer;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.threads.Daemons;
import syntop.tui.keys.Keymap;
import syntop.tui.view.ViewState;
import syntop.widgets.Canvas;
import syntop.widgets.Region;

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
public final class ActionController implements ConsoleLayer {
    static final String READ_ONLY = "read-only: syntop runs with --read-only; actions are off";

    private final DialogLayer dialogs;
    private final ActionContext cx;
    private final TuningDialogs tuning;
    private final DropDialogs drops;
    private final BlockDialogs blocks;

    /** The console's controller: actions from {@code env}, commands on one background thread. */
    public ActionController(ActionEnvironment env, boolean readOnly) {
        this(() -> env.actions(readOnly, Optional.empty()), readOnly,
                Executors.newSingleThreadExecutor(Daemons.named("syntop-actions")), Clock.systemUTC());
    }

    ActionController(Supplier<Actions> factory, boolean readOnly, Executor worker, Clock clock) {
        this.dialogs = new DialogLayer(clock);
        this.cx = new ActionContext(factory, readOnly, worker, dialogs);
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
        if (dialogs.key(k)) {
            return true;
        }
        Optional<Keymap.Binding> b = Keymap.find(k, Keymap.Mode.LIVE).filter(x -> x.action().acts());
        if (b.isEmpty()) {
            return false;
        }
        if (cx.readOnly && b.get().action() != Keymap.Action.BLOCKED) {
            dialogs.status(READ_ONLY, true);
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
    public void draw(Canvas c, Region screen, ViewState view) {
        dialogs.draw(c, screen);
    }

    /** The open dialog as text (tests): title, body lines, hint. */
    Optional<String> dialogText() {
        return dialogs.dialogText();
    }

    Optional<String> statusText() {
        return dialogs.statusText();
    }
}
