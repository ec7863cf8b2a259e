package syntop.tui.console;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

import syntop.collectors.detect.Verdict;
import syntop.collectors.history.History;
import syntop.collectors.model.Snapshot;
import syntop.collectors.platform.CapturePlatform;

/**
 * Frames from a capture bundle: every sample goes into the history (so rates and sparklines are the
 * capture's), and each call shows the last one. Nothing changes while the console runs.
 */
public final class CaptureFrames implements ConsoleLoop.FrameSource {
    private final Frame frame;

    public CaptureFrames(CapturePlatform capture, BiFunction<History, Snapshot, List<Verdict>> detect) {
        History history = capture.history();
        Snapshot last = history.latest().orElseThrow();
        this.frame = new Frame(last, detect.apply(history, last), history);
    }

    @Override
    public Frame next() {
        return frame;
    }

    @Override
    public Keymap.Mode mode() {
        return Keymap.Mode.CAPTURE;
    }

    @Override
    public void interval(Duration interval) {
        // a capture does not sample: nothing to change
    }
}
