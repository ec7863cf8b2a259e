package syntop.tui.console;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

import syntop.collectors.detect.Verdict;
import syntop.collectors.history.History;
import syntop.collectors.model.Snapshot;
import syntop.collectors.platform.Sampler;

/** Frames from a live sampler: sample, add to the history, run the detectors. */
public final class SampledFrames implements ConsoleLoop.FrameSource {
    private final Sampler sampler;
    private final History history;
    private final BiFunction<History, Snapshot, List<Verdict>> detect;

    public SampledFrames(Sampler sampler, History history, BiFunction<History, Snapshot, List<Verdict>> detect) {
        this.sampler = sampler;
        this.history = history;
        this.detect = detect;
    }

    @Override
    public Frame next() {
        Snapshot s = sampler.sample();
        history.add(s);
        return new Frame(s, detect.apply(history, s), history);
    }

    @Override
    public void interval(Duration interval) {
        sampler.setInterval(interval);
    }
}
