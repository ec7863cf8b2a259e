package syntop.tui.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import syntop.collectors.bundle.BundleException;
import syntop.collectors.bundle.BundleReader;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.text.Printable;
import syntop.tui.console.CaptureFrames;
import syntop.tui.console.ConsolePainter;

/** {@code syntop --capture BUNDLE}: the console on a capture bundle, marked as not live. */
final class CaptureConsole {
    private CaptureConsole() {
    }

    static int run(Path bundle, String theme, boolean ascii, PrintWriter err) {
        if (!Files.exists(bundle)) {
            err.println("syntop: " + bundle + ": no such bundle");
            return ExitCodes.USAGE;
        }
        Optional<ConsoleStart> start = ConsoleStart.check(theme, ascii, err);
        if (start.isEmpty()) {
            return ExitCodes.USAGE;
        }
        BundleReader capture;
        try {
            capture = BundleReader.open(bundle);
        } catch (BundleException e) {
            err.println("syntop: " + Printable.of(e.getMessage()));
            return ExitCodes.SOURCE_FAILED;
        }
        Thresholds thresholds = Thresholds.defaults();
        Duration interval = capture.manifest().interval();
        Duration shown = interval.compareTo(Duration.ofMillis(500)) < 0 ? Duration.ofSeconds(1) : interval;
        // the header's right end shows the sample's time, so the labels stay short; pausing replaces the mode only
        String mode = "not live, " + capture.sampleCount() + (capture.sampleCount() == 1 ? " sample" : " samples");
        ConsolePainter painter = new ConsolePainter(start.get().themes, "CAPTURE of " + capture.host().hostname(), mode);
        return ConsoleCommand.run(new CaptureFrames(capture, thresholds), painter, start.get().view(painter, shown),
                start.get().preferences(), err);
    }
}
