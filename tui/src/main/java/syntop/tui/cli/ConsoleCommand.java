package syntop.tui.cli;

import java.io.IOException;
import java.io.PrintWriter;

import syntop.tui.config.Preferences;
import syntop.tui.console.ConsoleLayer;
import syntop.tui.console.ConsoleLoop;
import syntop.tui.console.ConsolePainter;
import syntop.tui.console.TerminalSession;
import syntop.tui.keys.Keymap;
import syntop.tui.view.ViewState;

/** Opens the terminal, runs the console, and restores the terminal whatever happens. */
final class ConsoleCommand {
    private ConsoleCommand() {
    }

    /** The console with its first frame on the screen, waiting for what feeds it. */
    interface Opened {
        /** Runs the console on {@code frames}, with {@code layer} (the action dialogs) over it, until the operator quits. */
        void run(ConsoleLoop.FrameSource frames, ConsoleLayer layer) throws IOException;
    }

    /** What runs once the first frame is shown: it makes what feeds the console, then runs it. */
    interface Body {
        void run(Opened console) throws Exception;
    }

    static int run(ConsoleLoop.FrameSource frames, ConsolePainter painter, ViewState view, Preferences.File preferences,
                   PrintWriter err) {
        return run(frames, null, painter, view, preferences, err, ConsoleLayer.NONE);
    }

    /** With extra controls (replay keys, the recording's status in the header); {@code controls} may be null. */
    static int run(ConsoleLoop.FrameSource frames, ConsoleLoop.Controls controls, ConsolePainter painter, ViewState view,
                   Preferences.File preferences, PrintWriter err) {
        return run(frames, controls, painter, view, preferences, err, ConsoleLayer.NONE);
    }

    /**
     * The console with {@code controls} (may be null) and {@code layer}, the action dialogs drawn
     * over it; what the operator changes is saved in {@code preferences}.
     */
    static int run(ConsoleLoop.FrameSource frames, ConsoleLoop.Controls controls, ConsolePainter painter, ViewState view,
                   Preferences.File preferences, PrintWriter err, ConsoleLayer layer) {
        return open(frames.mode(), controls, painter, view, preferences, err, console -> console.run(frames, layer));
    }

    /**
     * Opens the terminal and draws the first frame at once, then lets {@code body} make what feeds
     * the console (for the live console, the sampler and the actions: about a tenth of a second
     * before the JIT has compiled any of it) and run it. An exception from {@code body} is reported
     * like one from the console, after the terminal is restored.
     */
    static int open(Keymap.Mode mode, ConsoleLoop.Controls controls, ConsolePainter painter, ViewState view,
                    Preferences.File preferences, PrintWriter err, Body body) {
        TerminalSession session;
        try {
            session = TerminalSession.open();
        } catch (Exception e) {
            err.println("syntop: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (session) {
            ConsoleLoop loop = new ConsoleLoop(session.screen(), mode, controls, painter, view).preferences(preferences);
            loop.firstFrame();
            body.run((frames, layer) -> loop.source(frames).layer(layer).run());
        } catch (Exception | Error e) {
            session.close(); // restore first, so the message is readable
            err.println("syntop: the console stopped: " + e);
            Throwable cause = e.getCause();
            if (cause != null) {
                err.println("  caused by: " + cause);
            }
            err.flush();
            return ExitCodes.SOURCE_FAILED;
        }
        return ExitCodes.OK;
    }
}
