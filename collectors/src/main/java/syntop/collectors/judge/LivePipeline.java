package syntop.collectors.judge;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import syntop.collectors.detect.Thresholds;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Poll;
import syntop.collectors.platform.Sampler;
import syntop.collectors.platform.SourceResult;

/**
 * This machine, judged tick by tick: the sampler polls, the {@link Pipeline} assembles and judges,
 * and listeners (the recorder, the verdict hooks) are told of each judged tick with the results it
 * came from. One history for everything that watches the same run.
 */
public final class LivePipeline implements AutoCloseable {
    /** Told of every judged tick on the sampling thread, so it must be quick (the recorder only queues). */
    public interface Listener {
        /**
         * @param results what each polled source's parser made of its output, in polling order
         */
        void onTick(JudgedTick tick, List<SourceResult> results);
    }

    private final Sampler sampler;
    private final Pipeline pipeline;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private JudgedTick last;

    public LivePipeline(Sampler sampler, Thresholds thresholds) {
        this(sampler, new Judge(thresholds));
    }

    /** With {@code judge} as the judging half (its own detectors). */
    public LivePipeline(Sampler sampler, Judge judge) {
        this.sampler = sampler;
        this.pipeline = new Pipeline(sampler.platform(), judge);
    }

    public Platform platform() {
        return sampler.platform();
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    /** Polls what is due, judges the tick and tells the listeners. */
    public synchronized JudgedTick next() {
        Poll poll = sampler.poll(last == null ? null : last.snapshot());
        JudgedTick tick = pipeline.tick(poll);
        last = tick;
        for (Listener l : listeners) {
            l.onTick(tick, poll.results());
        }
        return tick;
    }

    public void setInterval(Duration interval) {
        sampler.setInterval(interval);
    }

    @Override
    public void close() {
        sampler.close();
    }
}
