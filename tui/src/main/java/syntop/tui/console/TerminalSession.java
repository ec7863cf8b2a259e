package syntop.tui.console;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;

/**
 * The full-screen terminal: alternate screen, raw keys, hidden cursor; always restored, on quit,
 * on an exception, and from a shutdown hook on SIGTERM, SIGHUP (a dropped SSH session) and SIGINT.
 */
public final class TerminalSession implements AutoCloseable {
    /** More than a full redraw of a large terminal with colours takes, so a frame is one write or a few. */
    private static final int FRAME_BUFFER_BYTES = 64 * 1024;

    private final TerminalScreen screen;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread hook;

    private TerminalSession(TerminalScreen screen) {
        this.screen = screen;
        this.hook = new Thread(this::restore, "syntop-restore-terminal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Why the console cannot run here, in one line, or empty when it can: it needs an interactive
     * terminal (stdin and stdout) that takes cursor addressing, which {@code TERM=dumb} (Emacs'
     * shell, some CI logs) or no {@code TERM} at all says it does not.
     */
    public static Optional<String> refusal(Map<String, String> env, boolean interactive) {
        String term = env.getOrDefault("TERM", "");
        if (term.isBlank() || term.equals("dumb")) {
            // one line of at most 80 columns, "syntop: " included
            return Optional.of((term.isBlank() ? "TERM is not set" : "TERM=dumb")
                    + ": no full-screen console here; use 'syntop once' (or -b)");
        }
        if (!interactive) {
            return Optional.of("no terminal: the console needs an interactive terminal "
                    + "(use 'syntop once' in scripts and cron)");
        }
        return Optional.empty();
    }

    /** Opens the text terminal (never a Swing window); fails with a plain message when there is none. */
    public static TerminalSession open() throws IOException {
        Optional<String> refused = refusal(System.getenv(), System.console() != null);
        if (refused.isPresent()) {
            throw new IOException(refused.get());
        }
        // What DefaultTerminalFactory makes on Unix for a text terminal that traps Ctrl-C, with one stty
        // run, writing through a buffer of its own: Lanterna writes each character on its own, and
        // System.out (a 128-byte buffer that flushes on every write) made each a write(2), about 7,000
        // for a first frame at 120x40. Lanterna flushes at the end of every refresh.
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), FRAME_BUFFER_BYTES);
        Terminal terminal = new OneSttyTerminal(System.in, out, StandardCharsets.UTF_8);
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        screen.setCursorPosition(null);
        return new TerminalSession(screen);
    }

    public Screen screen() {
        return screen;
    }

    private void restore() {
        if (closed.compareAndSet(false, true)) {
            // TerminalScreen's refresh holds the screen's lock and does nothing once the screen is
            // stopped: under the same lock, a frame the render thread is drawing when SIGTERM comes
            // ends before the blanking, and none starts after it.
            synchronized (screen) {
                try {
                    // Blank the alternate screen before leaving it: a terminal that was grown while
                    // it was shown (tmux) shrinks it back to the size it had when it was entered and
                    // keeps the console rows that do not fit above the restored prompt; blank rows
                    // it drops.
                    Terminal terminal = screen.getTerminal();
                    terminal.clearScreen();
                    terminal.setCursorPosition(0, 0);
                    terminal.flush();
                    screen.stopScreen();
                } catch (IOException | RuntimeException e) {
                    // the terminal may be gone (SSH dropped); nothing more to restore
                }
            }
        }
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // already in shutdown: the hook runs or ran restore(), which is idempotent
        }
    }
}
