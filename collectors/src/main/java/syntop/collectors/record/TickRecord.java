package syntop.collectors.record;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import syntop.collectors.detect.Verdict;
import syntop.collectors.model.Reading;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.source.RawOutput;

/**
 * One tick as recorded: every source of the platform (polled with its raw output, polled but kept
 * only parsed, or not polled), the snapshot syntop assembled, and the verdicts it reached.
 *
 * @param at        wall-clock time of the tick
 * @param monoNanos monotonic clock of the recording process (rates; comparable within one run)
 * @param sources   one entry per platform source, in priority order
 * @param snapshot  the snapshot as assembled live (replay derives its own from {@code sources} and can compare)
 * @param verdicts  the verdicts live at this tick
 */
public record TickRecord(Instant at, long monoNanos, List<SourceEntry> sources, Snapshot snapshot,
                         List<VerdictMark> verdicts) {

    public TickRecord {
        Objects.requireNonNull(at);
        sources = List.copyOf(sources);
        Objects.requireNonNull(snapshot);
        verdicts = List.copyOf(verdicts);
    }

    /** What was recorded of one source at one tick. */
    public sealed interface SourceEntry permits Raw, ParsedOnly, NotPolled {
        String id();

        /** How often the source was polled at that time (longer than the interval when it had backed off). */
        Duration every();
    }

    /** Polled, with its raw output (stderr capped): replay parses it again with the recorded OS's parser. */
    public record Raw(RawOutput raw, Duration every) implements SourceEntry {
        public Raw {
            Objects.requireNonNull(raw);
            Objects.requireNonNull(every);
        }

        @Override
        public String id() {
            return raw.sourceId();
        }
    }

    /**
     * Polled, but only what the parser made of it is kept (a big connection table between its raw
     * keyframes): replay uses this reading and status as they are.
     *
     * @param rawBytes the size of the raw output that was not stored
     */
    public record ParsedOnly(SourceStatus status, Reading reading, long rawBytes) implements SourceEntry {
        public ParsedOnly {
            Objects.requireNonNull(status);
            Objects.requireNonNull(reading);
        }

        @Override
        public String id() {
            return status.id();
        }

        @Override
        public Duration every() {
            return status.every();
        }
    }

    /** Not polled this tick (backed off): its last reading is reused, stale. */
    public record NotPolled(String id, Duration every) implements SourceEntry {
        public NotPolled {
            Objects.requireNonNull(id);
            Objects.requireNonNull(every);
        }
    }

    /** A verdict reduced to what identifies it: kind, severity and port. */
    public record VerdictMark(Verdict.Kind kind, Verdict.Severity severity, OptionalInt port) {
        public VerdictMark {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(severity);
            Objects.requireNonNull(port);
        }

        public static VerdictMark of(Verdict v) {
            return new VerdictMark(v.kind(), v.severity(), v.port());
        }

        public static List<VerdictMark> of(List<Verdict> verdicts) {
            return verdicts.stream().map(VerdictMark::of).toList();
        }

        @Override
        public String toString() {
            return kind.label() + (port.isPresent() ? ":" + port.getAsInt() : "") + "/"
                    + severity.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
