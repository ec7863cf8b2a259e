package syntop.collectors.record;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import syntop.collectors.model.HostInfo;
import syntop.collectors.platform.Platform;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.Source;

/**
 * The first record of every recording file: what wrote it, on which host and OS, and which sources
 * it polled (with their argv or paths), so a file says by itself how to read it.
 *
 * @param formatVersion  {@link RecordingFormat#VERSION} when written
 * @param writer         the program and its version, e.g. {@code syntop 0.1.0}
 * @param runId          random per recording run; rotated files of one run share it (their monotonic clock is one)
 * @param created        when this file was started
 * @param host           host name, OS family, OS version
 * @param interval       the sampling interval asked for
 * @param sources        the platform's sources in priority order
 * @param rawTableLimit  a connection-table output up to this many bytes is stored raw every tick
 * @param rawTableEvery  a bigger one is stored raw only every this many of its polls (parsed otherwise)
 */
public record RecordingHeader(int formatVersion, String writer, long runId, Instant created, HostInfo host,
                              Duration interval, List<SourceInfo> sources, long rawTableLimit, int rawTableEvery) {

    /** One polled source as the header describes it. */
    public record SourceInfo(String id, Acquisition acquisition, Source.Cost cost, boolean optional, Duration budget) {
        public SourceInfo {
            Objects.requireNonNull(id);
            Objects.requireNonNull(acquisition);
            Objects.requireNonNull(cost);
            Objects.requireNonNull(budget);
        }

        static SourceInfo of(Source s) {
            return new SourceInfo(s.id(), s.acquisition(), s.cost(), s.optional(), s.budget());
        }
    }

    public RecordingHeader {
        Objects.requireNonNull(writer);
        Objects.requireNonNull(created);
        Objects.requireNonNull(host);
        Objects.requireNonNull(interval);
        sources = List.copyOf(sources);
    }

    /** The header for recording a platform's sources now. */
    public static RecordingHeader of(Platform platform, String writer, long runId, Instant created, Duration interval,
                                     long rawTableLimit, int rawTableEvery) {
        return new RecordingHeader(RecordingFormat.VERSION, writer, runId, created, platform.host(), interval,
                platform.sources().stream().map(SourceInfo::of).toList(), rawTableLimit, rawTableEvery);
    }

    RecordingHeader withCreated(Instant when) {
        return new RecordingHeader(formatVersion, writer, runId, when, host, interval, sources, rawTableLimit,
                rawTableEvery);
    }
}
