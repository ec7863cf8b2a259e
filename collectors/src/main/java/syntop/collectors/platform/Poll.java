package syntop.collectors.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One tick's poll, before it is assembled: when it was taken, what each polled source's parser made
 * of its output with the resulting status (in polling order), and how often each source is polled
 * now (a source without a result was not due). The live sampler and a capture bundle give these.
 */
public record Poll(Instant at, long monoNanos, List<SourceResult> results, Map<String, Duration> every) {
    public Poll {
        results = List.copyOf(results);
        every = Map.copyOf(every);
    }
}
