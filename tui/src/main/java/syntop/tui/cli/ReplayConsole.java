package syntop.tui.cli;

import java.io.PrintWriter;
import java.util.Optional;

import syntop.collectors.record.Replay;
import syntop.tui.console.ConsolePainter;
import syntop.tui.console.ReplayFrames;

/** The console over a recording; apart from the command classes so headless runs never load it. */
final class ReplayConsole {
    private ReplayConsole() {
    }

    static int run(Replay replay, boolean loop, String theme, boolean ascii, PrintWriter err) {
        Optional<ConsoleStart> start = ConsoleStart.check(theme, ascii, err);
        if (start.isEmpty()) {
            return ExitCodes.USAGE;
        }
        ReplayFrames frames = new ReplayFrames(replay, loop, System::nanoTime);
        ConsolePainter painter = new ConsolePainter(start.get().themes, replay.header(0).host().hostname());
        return ConsoleCommand.run(frames, frames, painter, start.get().view(painter, replay.header(0).interval()),
                start.get().preferences(), err);
    }
}
