package syntop.tui.console;

import java.time.Duration;

import syntop.collectors.bundle.BundleReader;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.judge.Pipeline;
import syntop.tui.keys.Keymap;

/**
 * Frames from a capture bundle ({@code syntop --capture BUNDLE}, read by {@link BundleReader}): every
 * sample goes through the pipeline (so rates and sparklines are the capture's), and each call shows
 * the last one. Nothing changes while the console runs.
 */
public final class CaptureFrames implements ConsoleLoop.FrameSource {
    private final JudgedTick frame;

    public CaptureFrames(BundleReader capture, Thresholds thresholds) {
        this.frame = Pipeline.lastOf(capture, thresholds);
    }

    @Override
    public JudgedTick next() {
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
