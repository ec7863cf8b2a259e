package syntop.tui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import syntop.collectors.detect.Detector;
import syntop.collectors.detect.Detectors;
import syntop.collectors.detect.SynproxyDetector;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.Judge;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Sampler;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.ProcessCommandRunner;
import syntop.tui.action.ActionController;
import syntop.tui.action.ActionEnvironment;
import syntop.tui.action.StackedLayers;
import syntop.tui.action.SynproxyController;
import syntop.tui.console.ConsolePainter;
import syntop.tui.console.SampledFrames;
import syntop.tui.keys.Keymap;
import syntop.tui.view.ViewState;

/**
 * The console on this machine. Kept apart from {@link SyntopCommand} so that headless commands
 * ({@code serve}, {@code once}, {@code record}), which share that class, never load a terminal,
 * widget or theme class.
 */
final class LiveConsole {
    private LiveConsole() {
    }

    /**
     * {@code intervalGiven}: -d was on the command line, so it wins over the saved delay. Everything
     * that can refuse the arguments runs first; the console then opens and shows its first frame
     * while the actions and the sampler are made.
     */
    static int run(Platform platform, FsRoot root, Duration flagInterval, boolean intervalGiven, String theme, boolean ascii, Thresholds thresholds,
                   Path record, RecordOptions recordOptions, boolean readOnly, PrintWriter err) {
        Optional<ConsoleStart> start = ConsoleStart.check(theme, ascii, err);
        if (start.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Duration interval = start.get().interval(flagInterval, intervalGiven);
        ConsolePainter painter = new ConsolePainter(start.get().themes, platform.host().hostname());
        ViewState view = start.get().view(painter, interval);
        return ConsoleRecording.run(platform, record, recordOptions, interval, err, recording ->
                ConsoleCommand.open(Keymap.Mode.LIVE, recording.controls(), painter, view, start.get().preferences(), err,
                        console -> {
                            ActionEnvironment actions = ActionEnvironment.live();
                            SynproxyController synproxy = new SynproxyController(actions, readOnly);
                            Judge judge = new Judge(thresholds, () -> withSynproxy(synproxy.proxied()));
                            try (LivePipeline pipeline = new LivePipeline(
                                    Sampler.live(platform, new Acquirer(new ProcessCommandRunner(), root), interval), judge)) {
                                recording.listenTo(pipeline);
                                console.run(new SampledFrames(pipeline),
                                        new StackedLayers(synproxy, new ActionController(actions, readOnly)));
                            }
                        }));
    }

    /** Every detector, and the one on syntop's SYN proxy for the ports it proxies now. */
    private static List<Detector> withSynproxy(Map<Integer, Instant> proxied) {
        if (proxied.isEmpty()) {
            return Detectors.all();
        }
        List<Detector> all = new ArrayList<>(Detectors.all());
        all.add(new SynproxyDetector(proxied));
        return all;
    }
}
