package syntop.collectors.os.bsd;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import syntop.collectors.platform.SourceEvaluation;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.Source;

/** One run of a BSD command source that completed with this output, judged as the sampler judges it. */
public final class SourceRuns {
    private SourceRuns() {
    }

    public static SourceResult evaluate(Source s, String stdout, String stderr, int exit) {
        RawOutput raw = new RawOutput(s.id(), RawOutput.Outcome.COMPLETED,
                List.of(new RawPart("stdout", stdout.getBytes(StandardCharsets.UTF_8))), stderr, exit, Duration.ofMillis(5), "");
        return SourceEvaluation.evaluate(s, raw, Duration.ofSeconds(1));
    }
}
