package syntop.collectors.platform;

import java.time.Duration;
import java.util.Objects;

import syntop.collectors.model.Reading;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.parse.Parsed;
import syntop.collectors.source.RawOutput;

/** One source at one tick: the raw output, what the parser made of it, and the resulting status. */
public record SourceResult(RawOutput raw, Parsed<Reading> parsed, SourceStatus status) {
    public SourceResult {
        Objects.requireNonNull(raw);
        Objects.requireNonNull(parsed);
        Objects.requireNonNull(status);
    }

    /** The same result, with the source polled every {@code every} from now on. */
    public SourceResult every(Duration every) {
        SourceStatus s = status;
        return new SourceResult(raw, parsed, new SourceStatus(s.id(), s.health(), s.detail(), s.took(), every, s.optional()));
    }
}
