package syntop.collectors.record;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import syntop.collectors.detect.Detectors;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.detect.Verdict;
import syntop.collectors.history.History;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Sampler;
import syntop.collectors.platform.SourceEvaluation;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.Source;

/**
 * Listens to a sampler, keeps its own history, runs the detectors on every tick, and hands the tick
 * with its verdicts on: to the recorder and to the verdict hooks. It runs on the sampling thread,
 * so what it hands on must be quick (the recorder only queues).
 */
public final class VerdictWatch implements Sampler.TickListener {
    /** Told of every tick with the verdicts live at it. */
    public interface Consumer {
        void onTick(Snapshot snapshot, List<SourceResult> results, List<Verdict> verdicts);
    }

    private final Platform platform;
    private final Thresholds thresholds;
    private final History history = new History();
    private final List<Consumer> consumers = new CopyOnWriteArrayList<>();

    public VerdictWatch(Platform platform, Thresholds thresholds) {
        this.platform = platform;
        this.thresholds = thresholds;
    }

    public VerdictWatch add(Consumer c) {
        consumers.add(c);
        return this;
    }

    public Platform platform() {
        return platform;
    }

    @Override
    public void onTick(Snapshot snapshot, List<RawOutput> polled) {
        List<SourceResult> results = new ArrayList<>();
        for (RawOutput raw : polled) {
            Source s = platform.source(raw.sourceId()).orElse(null);
            SourceStatus st = snapshot.sources().get(raw.sourceId());
            if (s != null && st != null) {
                results.add(SourceEvaluation.evaluate(s, raw, st.every()));
            }
        }
        onTick(snapshot, polled, results);
    }

    @Override
    public void onTick(Snapshot snapshot, List<RawOutput> polled, List<SourceResult> results) {
        List<Verdict> verdicts;
        synchronized (history) {
            history.add(snapshot);
            verdicts = Detectors.evaluate(history, thresholds);
        }
        for (Consumer c : consumers) {
            c.onTick(snapshot, results, verdicts);
        }
    }
}
