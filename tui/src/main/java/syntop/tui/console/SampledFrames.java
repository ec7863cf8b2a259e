package syntop.tui.console;

import java.time.Duration;

import syntop.collectors.judge.JudgedTick;
import syntop.collectors.judge.LivePipeline;

/** Frames from this machine: each one the next tick of the live pipeline. */
public final class SampledFrames implements ConsoleLoop.FrameSource {
    private final LivePipeline pipeline;

    public SampledFrames(LivePipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public JudgedTick next() {
        return pipeline.next();
    }

    @Override
    public void interval(Duration interval) {
        pipeline.setInterval(interval);
    }
}
