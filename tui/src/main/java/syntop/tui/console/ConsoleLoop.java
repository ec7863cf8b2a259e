package syntop.tui.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;

import syntop.collectors.judge.JudgedTick;
import syntop.collectors.threads.Daemons;
import syntop.tui.config.Preferences;
import syntop.tui.keys.Keymap;
import syntop.tui.view.ViewState;

/**
 * The console's three threads: sampling (polls the sources every interval and publishes a
 * {@link JudgedTick}), input (blocks on the terminal, so an idle console costs nothing), and render
 * (this one: waits for a key, a tick or a resize, then redraws what changed).
 */
public final class ConsoleLoop {
    private static final Object TICK = new Object();
    private static final List<Duration> INTERVALS = List.of(Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10));

    /** Produces one frame per call (sample, add to history, detect); runs on the sampling thread. */
    public interface FrameSource {
        JudgedTick next();

        /** Which keys work: live sampling unless the source says otherwise. */
        default Keymap.Mode mode() {
            return Keymap.Mode.LIVE;
        }

        /** Called when the operator changes the interval. */
        void interval(Duration interval);
    }

    /**
     * Extra controls for a frame source that is not plain live sampling (replay, recording): offered
     * each key before the console's own, and asked for the header's mode.
     */
    public interface Controls {
        /** True when the key was one of these controls' (the console then ignores it). */
        boolean key(KeyStroke k);

        /** The frame to show now, after a key moved it; null to keep the one shown. */
        JudgedTick current();

        /** What the header says instead of "live" / "PAUSED". */
        String mode(boolean paused);

    }

    private final Screen screen;
    /** What feeds the console: given at construction, or once the first frame is drawn ({@link #source}). */
    private FrameSource source;
    private final Controls controls;
    private final Keymap.Mode mode;
    private final ConsolePainter painter;
    private final ViewState view;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final AtomicReference<JudgedTick> latest = new AtomicReference<>();
    private final AtomicReference<Throwable> samplingFailure = new AtomicReference<>();
    private volatile boolean running = true;
    private volatile Duration interval;
    private ConsoleLayer layer = ConsoleLayer.NONE;
    private Preferences.File preferences;
    private int fullRedrawsLeft;
    private boolean firstFrameDrawn;

    public ConsoleLoop(Screen screen, FrameSource source, ConsolePainter painter, ViewState view) {
        this(screen, source, null, painter, view);
    }

    public ConsoleLoop(Screen screen, FrameSource source, Controls controls, ConsolePainter painter, ViewState view) {
        this(screen, source == null ? Keymap.Mode.LIVE : source.mode(), controls, painter, view);
        this.source = source;
    }

    /** A console whose frames, in {@code mode}, are given later: see {@link #firstFrame} and {@link #source}. */
    public ConsoleLoop(Screen screen, Keymap.Mode mode, Controls controls, ConsolePainter painter, ViewState view) {
        this.screen = screen;
        this.controls = controls;
        this.mode = mode;
        view.keymapMode(mode);
        this.painter = painter;
        this.view = view;
        this.interval = view.interval();
    }

    /**
     * Draws the first frame now, before what feeds it exists: the header and the panels that wait
     * for the first sample are on the screen while the sampler and the actions are made.
     */
    public void firstFrame() throws IOException {
        draw(true);
        firstFrameDrawn = true;
    }

    /** The frames to show, for a console made without them; in the mode it was made for. */
    public ConsoleLoop source(FrameSource frames) {
        if (frames.mode() != mode) {
            throw new IllegalArgumentException("frames for " + frames.mode() + " in a console made for " + mode);
        }
        source = frames;
        return this;
    }

    /** Puts {@code l} (the action dialogs) over the console: it gets keys first and draws last. */
    public ConsoleLoop layer(ConsoleLayer l) {
        layer = l;
        painter.layer(l);
        l.redrawWith(() -> events.offer(TICK));
        return this;
    }

    /**
     * Writes the delay, theme, sort and ASCII choice to {@code file} each time the operator changes
     * one (not at quit: a console that ends with its SSH session would lose them); a file that
     * cannot be written says so in the notice line.
     */
    public ConsoleLoop preferences(Preferences.File file) {
        preferences = file;
        return this;
    }

    private void save(String key, String value) {
        if (preferences != null) {
            preferences.save(key, value).ifPresent(view::notice);
        }
    }

    /** Runs until the operator quits or the terminal goes away. */
    public void run() throws IOException {
        if (source == null) {
            throw new IllegalStateException("the console has no frames to show");
        }
        Thread sampling = Daemons.thread("syntop-sampling", this::sampleLoop);
        Thread input = Daemons.thread("syntop-input", this::inputLoop);
        input.start();
        try {
            // the first frame before the first sample: on a machine with few cores the sampling
            // thread's first tick would hold the frame back
            if (!firstFrameDrawn) {
                draw(true);
            }
            sampling.start();
            while (running) {
                Object event;
                try {
                    event = events.poll(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (samplingFailure.get() != null) {
                    throw new IOException("sampling stopped", samplingFailure.get());
                }
                if (event instanceof KeyStroke k) {
                    handle(k);
                    // drain keys typed meanwhile before one redraw
                    Object more;
                    while (running && (more = events.poll()) instanceof KeyStroke k2) {
                        handle(k2);
                    }
                }
                TerminalSize resized = screen.doResizeIfNecessary();
                if (resized != null) {
                    // and once more at the next redraw: a terminal may still be reflowing its own
                    // content when the first full redraw arrives, and would keep what it shows then
                    fullRedrawsLeft = 2;
                }
                if (running && (event != null || resized != null)) {
                    boolean full = fullRedrawsLeft > 0;
                    if (full) {
                        fullRedrawsLeft--;
                    }
                    draw(full);
                }
            }
        } finally {
            running = false;
            sampling.interrupt();
        }
    }

    private void draw(boolean full) throws IOException {
        if (controls != null) {
            view.modeLabel(controls.mode(view.paused()));
        }
        painter.paint(screen, view, view.visible(latest.get()));
        screen.refresh(full ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }

    private void sampleLoop() {
        try {
            while (running) {
                long start = System.nanoTime();
                JudgedTick f = source.next();
                latest.set(f);
                events.offer(TICK);
                long sleepNanos = interval.toNanos() - (System.nanoTime() - start);
                if (sleepNanos > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleepNanos);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            samplingFailure.set(e);
            events.offer(TICK);
        }
    }

    private void inputLoop() {
        try {
            while (running) {
                KeyStroke k = screen.readInput();
                if (k == null) {
                    continue;
                }
                events.offer(k);
                if (k.getKeyType() == KeyType.EOF) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the terminal went away (SSH dropped): quit like EOF
            events.offer(new KeyStroke(KeyType.EOF));
        }
    }

    /** Applies one key to the view, as {@link Keymap} says for this mode. */
    void handle(KeyStroke k) {
        if (k.getKeyType() == KeyType.EOF) {
            running = false;
            return;
        }
        view.notice(null);
        if (view.filterDraft().isPresent()) {
            editFilter(k);
            return;
        }
        if (view.details() || view.explain()) {
            detailsKey(k);
            return;
        }
        if (layer.handle(k, view.visible(latest.get()), view)) {
            return;
        }
        if (k.getKeyType() == KeyType.Escape) {
            if (view.help()) {
                view.toggleHelp();
            }
            return;
        }
        Optional<Keymap.Binding> binding = Keymap.find(k, mode);
        if (binding.isEmpty()) {
            Keymap.anywhere(k).filter(b -> b.action().acts()).ifPresent(b -> view.notice(mode.notHere(Keymap.name(k))));
            return;
        }
        switch (binding.get().action()) {
            case QUIT -> running = false;
            case PAUSE -> view.togglePause(latest.get());
            case DELAY_LONGER -> changeInterval(1);
            case DELAY_SHORTER -> changeInterval(-1);
            case FOCUS -> view.focusNext();
            case UP -> view.moveSelection(-1);
            case DOWN -> view.moveSelection(1);
            case PAGE_UP -> view.moveSelection(-10);
            case PAGE_DOWN -> view.moveSelection(10);
            case SORT -> {
                view.nextSort();
                save("sort", view.sort().label());
            }
            case FILTER -> view.startFilter();
            case THEME -> nextTheme();
            case ASCII -> {
                view.toggleAscii();
                save("ascii", view.ascii() ? "yes" : "no");
            }
            case HELP -> view.toggleHelp();
            case DETAILS -> view.toggleDetails();
            case EXPLAIN -> view.toggleExplain();
            case REPLAY_PLAY, REPLAY_STEP, REPLAY_SPEED, REPLAY_FIRST_VERDICT, REPLAY_NEXT_VERDICT, REPLAY_ENDS -> {
                if (controls != null && !view.help() && controls.key(k)) {
                    JudgedTick f = controls.current();
                    if (f != null) {
                        latest.set(f);
                    }
                }
            }
            // the action layer takes these in live mode; without one (tests) they do nothing
            case PROFILE, UNDO, DROP, BLOCK, BLOCKED, SYNPROXY -> { }
        }
    }

    /** The detail view and the explanation: Esc, Enter, q (and e, for the explanation) close them; the scroll keys move them. */
    private void detailsKey(KeyStroke k) {
        KeyType t = k.getKeyType();
        char c = t == KeyType.Character ? k.getCharacter() : 0;
        int at = view.detailsFirst();
        if (t == KeyType.Escape || t == KeyType.Enter || c == 'q' || c == 'e') {
            if (view.details()) {
                view.toggleDetails();
            } else {
                view.toggleExplain();
            }
        } else if (t == KeyType.ArrowDown || c == 'j') {
            view.detailsFirst(at + 1);
        } else if (t == KeyType.ArrowUp || c == 'k') {
            view.detailsFirst(at - 1);
        } else if (t == KeyType.PageDown) {
            view.detailsFirst(at + 10);
        } else if (t == KeyType.PageUp) {
            view.detailsFirst(at - 10);
        } else if (t == KeyType.Home) {
            view.detailsFirst(0);
        } else if (t == KeyType.End) {
            view.detailsFirst(Integer.MAX_VALUE / 2);
        }
    }

    private void editFilter(KeyStroke k) {
        String draft = view.filterSelected() ? "" : view.filterDraft().orElse("");
        switch (k.getKeyType()) {
            case Enter: view.commitFilter(); break;
            case Escape: view.cancelFilter(); break;
            case Backspace: view.editFilter(draft.isEmpty() ? draft : draft.substring(0, draft.length() - 1)); break;
            case Character:
                char c = k.getCharacter();
                // ports, IPv4/IPv6 addresses and prefixes only: nothing else can match
                if (draft.length() < 45 && (Character.isLetterOrDigit(c) || ".:/[]*".indexOf(c) >= 0)) {
                    view.editFilter(draft + c);
                }
                break;
            default: break;
        }
    }

    /** The next theme, and a flash line that names it (and its file's warnings). */
    private void nextTheme() {
        String name = painter.nextTheme(view.themeName());
        view.themeName(name);
        view.flash(painter.themeNotice(name), !painter.theme(name).warnings().isEmpty());
        save("theme", name);
    }

    private void changeInterval(int step) {
        int i = INTERVALS.indexOf(interval);
        int j = Math.max(0, Math.min(INTERVALS.size() - 1, (i < 0 ? 1 : i) + step));
        interval = INTERVALS.get(j);
        view.interval(interval);
        source.interval(interval);
        save("delay", Preferences.seconds(interval));
    }

    /** The newest frame, for tests. */
    JudgedTick latest() {
        return latest.get();
    }

    boolean running() {
        return running;
    }

    /** A frame source built from suppliers (tests). */
    static FrameSource of(Supplier<JudgedTick> next) {
        return new FrameSource() {
            @Override
            public JudgedTick next() {
                return next.get();
            }

            @Override
            public void interval(Duration d) {
            }
        };
    }
}
