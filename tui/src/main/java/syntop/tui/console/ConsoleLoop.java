package syntop.tui.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
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
import syntop.widgets.HelpOverlay;

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

        /** The footer's key list, or null for the console's. */
        default String footer() {
            return null;
        }

        /** More lines for the help overlay. */
        default List<HelpOverlay.Entry> help() {
            return List.of();
        }
    }

    private final Screen screen;
    private final FrameSource source;
    private final Controls controls;
    private final ConsolePainter painter;
    private final ViewState view;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final AtomicReference<JudgedTick> latest = new AtomicReference<>();
    private final AtomicReference<Throwable> samplingFailure = new AtomicReference<>();
    private volatile boolean running = true;
    private volatile Duration interval;
    private ConsoleLayer layer = ConsoleLayer.NONE;
    private int fullRedrawsLeft;

    public ConsoleLoop(Screen screen, FrameSource source, ConsolePainter painter, ViewState view) {
        this(screen, source, null, painter, view);
    }

    public ConsoleLoop(Screen screen, FrameSource source, Controls controls, ConsolePainter painter, ViewState view) {
        this.screen = screen;
        this.source = source;
        this.controls = controls;
        if (controls != null) {
            view.controlKeys(controls.footer(), controls.help());
        }
        this.painter = painter;
        this.view = view;
        this.interval = view.interval();
    }

    /** Puts {@code l} (the action dialogs) over the console: it gets keys first and draws last. */
    public ConsoleLoop layer(ConsoleLayer l) {
        layer = l;
        painter.layer(l);
        l.redrawWith(() -> events.offer(TICK));
        return this;
    }

    /** Runs until the operator quits or the terminal goes away. */
    public void run() throws IOException {
        Thread sampling = new Thread(this::sampleLoop, "syntop-sampling");
        sampling.setDaemon(true);
        Thread input = new Thread(this::inputLoop, "syntop-input");
        input.setDaemon(true);
        sampling.start();
        input.start();
        try {
            draw(true);
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

    /** Applies one key to the view; the key map is shown in the footer and the help overlay. */
    void handle(KeyStroke k) {
        if (k.getKeyType() == KeyType.EOF) {
            running = false;
            return;
        }
        if (view.filterDraft().isPresent()) {
            editFilter(k);
            return;
        }
        if (layer.handle(k, view.visible(latest.get()), view)) {
            return;
        }
        if (controls != null && !view.help() && controls.key(k)) {
            JudgedTick f = controls.current();
            if (f != null) {
                latest.set(f);
            }
            return;
        }
        if (k.getKeyType() == KeyType.Escape) {
            if (view.help()) {
                view.toggleHelp();
            }
            return;
        }
        if (k.getKeyType() == KeyType.Tab) {
            view.focusNext();
            return;
        }
        if (k.getKeyType() == KeyType.ArrowUp) {
            view.moveSelection(-1);
            return;
        }
        if (k.getKeyType() == KeyType.ArrowDown) {
            view.moveSelection(1);
            return;
        }
        if (k.getKeyType() == KeyType.PageUp) {
            view.moveSelection(-10);
            return;
        }
        if (k.getKeyType() == KeyType.PageDown) {
            view.moveSelection(10);
            return;
        }
        if (k.getKeyType() != KeyType.Character) {
            return;
        }
        char c = k.getCharacter();
        if (k.isCtrlDown() && (c == 'c' || c == 'C')) {
            running = false;
            return;
        }
        switch (c) {
            case 'q': case 'Q': running = false; break;
            case ' ': view.togglePause(latest.get()); break;
            case '+': case '=': changeInterval(1); break;
            case '-': changeInterval(-1); break;
            case 'j': view.moveSelection(1); break;
            case 'k': view.moveSelection(-1); break;
            case 's': view.nextSort(); break;
            case '/': view.startFilter(); break;
            case 't': nextTheme(); break;
            case 'a': view.toggleAscii(); break;
            case '?': case 'h': view.toggleHelp(); break;
            default: break;
        }
    }

    private void editFilter(KeyStroke k) {
        String draft = view.filterDraft().orElse("");
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
    }

    private void changeInterval(int step) {
        int i = INTERVALS.indexOf(interval);
        int j = Math.max(0, Math.min(INTERVALS.size() - 1, (i < 0 ? 1 : i) + step));
        interval = INTERVALS.get(j);
        view.interval(interval);
        source.interval(interval);
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
