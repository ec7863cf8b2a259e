package syntop.tui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Sampler;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.ProcessCommandRunner;
import syntop.tui.action.ActionController;
import syntop.tui.action.ActionEnvironment;
import syntop.tui.console.ConsolePainter;
import syntop.tui.console.SampledFrames;

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
        Optional<ConsoleStart> start = ConsoleStart.check(theme, ascii, err);
        if (start.isEmpty()) {
            return ExitCodes.USAGE;
        }
        ConsolePainter painter = new ConsolePainter(start.get().themes, platform.host().hostname());
        try (LivePipeline pipeline = new LivePipeline(
                Sampler.live(platform, new Acquirer(new ProcessCommandRunner(), root), interval), thresholds)) {
            return ConsoleRecording.run(pipeline, record, recordOptions, interval, err, controls ->
                    ConsoleCommand.run(new SampledFrames(pipeline),
                            controls, painter, start.get().view(painter, interval), err,
                            new ActionController(ActionEnvironment.live(), readOnly)));
        }
    }
}
