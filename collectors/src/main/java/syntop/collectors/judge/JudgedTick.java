package syntop.collectors.judge;

import java.util.List;
import java.util.Objects;

import syntop.collectors.detect.Judgement;
import syntop.collectors.detect.Verdict;
import syntop.collectors.history.History;
import syntop.collectors.model.Snapshot;

/**
 * One tick, judged: the snapshot, the verdicts over the history up to it, and that history (for
 * rates and sparklines). What the console draws, {@code once} prints, the recorder stores, replay
 * plays and {@code serve} exposes. The history is the judge's own and goes on growing; everything
 * else is fixed.
 *
 * @param sample   the tick's place in its run, 1 for the first
 * @param snapshot what the sources said
 * @param verdicts  the verdicts at this tick, most severe first; empty when all is quiet, or (while
 *                  {@code judgement} is not complete) when syntop is still judging
 * @param judgement how many samples the verdicts rest on, and what is known until they are enough
 * @param history   the judge's history, this tick included
 */
public record JudgedTick(long sample, Snapshot snapshot, List<Verdict> verdicts, Judgement judgement, History history) {
    public JudgedTick {
        Objects.requireNonNull(snapshot);
        verdicts = List.copyOf(verdicts);
        Objects.requireNonNull(judgement);
        Objects.requireNonNull(history);
    }

    /** Nothing named and the judgement complete: the one case that is "all quiet". */
    public boolean allQuiet() {
        return verdicts.isEmpty() && judgement.complete();
    }
}
