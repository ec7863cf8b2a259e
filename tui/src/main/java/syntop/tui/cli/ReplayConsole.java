package syntop.tui.cli;

import java.io.PrintWriter;
import java.util.Map;

import syntop.collectors.record.Replay;
import syntop.themes.ThemeLoader;
import syntop.tui.console.ConsolePainter;
import syntop.tui.console.ReplayFrames;
import syntop.tui.console.ViewState;
import syntop.widgets.Glyphs;

/** The console over a recording; apart from the command classes so headless runs never load it. */
final class ReplayConsole {
    private ReplayConsole() {
    }

    static int run(Replay replay, boolean loop, String theme, boolean ascii, PrintWriter err) {
        Map<String, String> env = System.getenv();
        ThemeLoader themes = new ThemeLoader(ThemeLoader.userDir(env).orElse(null));
        String themeName = themes.select(theme, env).name();
        boolean asciiGlyphs = ascii || !Glyphs.forLocale(env).isUnicode();
        ReplayFrames frames = new ReplayFrames(replay, loop, System::nanoTime);
        String host = replay.header(0).host().hostname();
        return ConsoleCommand.run(frames, frames, new ConsolePainter(themes, host),
                new ViewState(themeName, asciiGlyphs, replay.header(0).interval()), err);
    }
}
