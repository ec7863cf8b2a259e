package syntop.exporter;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import syntop.collectors.judge.LivePipeline;
import syntop.collectors.threads.Daemons;

/**
 * The one sampling loop of {@code syntop serve}: the live pipeline's next tick, then
 * {@link ExporterState#publish}, once per interval on its own thread. Scrapes never wait for it and
 * never make it poll. A tick that overruns the interval is followed at once by the next; missed
 * ticks are not made up.
 */
public final class SamplingLoop implements AutoCloseable {
    private final LivePipeline pipeline;
    private final ExporterState state;
    private final Duration interval;
    private final PrintWriter err;
    private final Thread thread;
    private volatile boolean stopped;

    public SamplingLoop(LivePipeline pipeline, ExporterState state, Duration interval, PrintWriter err) {
        this.pipeline = pipeline;
        this.state = state;
        this.interval = interval;
        this.err = err;
        this.thread = Daemons.thread("syntop-sampler", this::run);
    }

    public SamplingLoop start() {
        thread.start();
        return this;
    }

    /** One tick: sample, judge, publish. */
    public void tick() {
        state.publish(pipeline.next());
    }

    private void run() {
        long step = interval.toNanos();
        long next = System.nanoTime();
        String lastError = null;
        while (!stopped) {
            try {
                tick();
                lastError = null;
            } catch (RuntimeException e) {
                String msg = String.valueOf(e);
                if (!msg.equals(lastError)) { // say it once, not every second
                    err.println("syntop serve: a sample failed: " + msg);
                    err.flush();
                }
                lastError = msg;
            }
            next += step;
            long wait = next - System.nanoTime();
            if (wait <= 0) {
                next = System.nanoTime();
                continue;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pipeline.close();
    }
}
