package syntop.tui.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;

/**
 * The full-screen terminal: alternate screen, raw keys, hidden cursor; always restored, on quit,
 * on an exception, and from a shutdown hook on SIGTERM, SIGHUP (a dropped SSH session) and SIGINT.
 */
public final class TerminalSession implements AutoCloseable {
    private final Screen screen;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread hook;

    private TerminalSession(Screen screen) {
        this.screen = screen;
        this.hook = new Thread(this::restore, "syntop-restore-terminal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Opens the text terminal (never a Swing window); fails with a plain message when there is none. */
    public static TerminalSession open() throws IOException {
        if (System.console() == null) {
            throw new IOException("no terminal: the console needs an interactive terminal "
                    + "(use 'syntop once' in scripts and cron)");
        }
        // What DefaultTerminalFactory makes on Unix for a text terminal that traps Ctrl-C, with one stty run
        Terminal terminal = new OneSttyTerminal(System.in, System.out, StandardCharsets.UTF_8);
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
            try {
                screen.stopScreen();
            } catch (IOException | RuntimeException e) {
                // the terminal may be gone (SSH dropped); nothing more to restore
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
