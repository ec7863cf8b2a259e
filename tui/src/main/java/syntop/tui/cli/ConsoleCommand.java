package syntop.tui.cli;

import java.io.PrintWriter;

import syntop.tui.config.Preferences;
import syntop.tui.console.ConsoleLayer;
import syntop.tui.console.ConsoleLoop;
import syntop.tui.console.ConsolePainter;
import syntop.tui.console.TerminalSession;
import syntop.tui.view.ViewState;

/** Opens the terminal, runs the console, and restores the terminal whatever happens. */
final class ConsoleCommand {
    private ConsoleCommand() {
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
        TerminalSession session;
        try {
            session = TerminalSession.open();
        } catch (Exception e) {
            err.println("syntop: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (session) {
            new ConsoleLoop(session.screen(), frames, controls, painter, view).layer(layer).preferences(preferences).run();
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
