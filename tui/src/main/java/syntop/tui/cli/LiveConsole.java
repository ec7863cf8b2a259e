package syntop.tui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Sampler;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.ProcessCommandRunner;
import syntop.themes.ThemeLoader;
import syntop.tui.action.ActionController;
import syntop.tui.action.ActionEnvironment;
import syntop.tui.console.ConsolePainter;
import syntop.tui.console.SampledFrames;
import syntop.tui.console.ViewState;
import syntop.widgets.Glyphs;

/**
 * The console on this machine. Kept apart from {@link SyntopCommand} so that headless commands
 * ({@code serve}, {@code once}, {@code record}), which share that class, never load a terminal,
 * widget or theme class.
 */
final class LiveConsole {
    private LiveConsole() {
    }

    static int run(Platform platform, FsRoot root, Duration interval, String theme, boolean ascii, Thresholds thresholds,
                   Path record, RecordOptions recordOptions, boolean readOnly, PrintWriter err) {
        Map<String, String> env = System.getenv();
        ThemeLoader themes = new ThemeLoader(ThemeLoader.userDir(env).orElse(null));
        String themeName = themes.select(theme, env).name();
        boolean asciiGlyphs = ascii || !Glyphs.forLocale(env).isUnicode();
        try (LivePipeline pipeline = new LivePipeline(
                Sampler.live(platform, new Acquirer(new ProcessCommandRunner(), root), interval), thresholds)) {
            return ConsoleRecording.run(pipeline, record, recordOptions, interval, err, controls ->
                    ConsoleCommand.run(new SampledFrames(pipeline),
                            controls, new ConsolePainter(themes, platform.host().hostname()),
                            new ViewState(themeName, asciiGlyphs, interval), err,
                            new ActionController(ActionEnvironment.live(), readOnly)));
        }
    }
}
