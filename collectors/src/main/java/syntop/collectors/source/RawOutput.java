package syntop.collectors.source;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one source's acquisition produced at one tick, before parsing. This is what the recorder
 * stores and what {@code capture} writes, so a tick can be parsed again anywhere.
 *
 * @param sourceId the source
 * @param outcome  whether the command ran or the files could be read
 * @param parts    stdout or file contents (empty when nothing was read)
 * @param stderr   a command's standard error (capped), empty for files
 * @param exitCode a command's exit status, 0 for files, -1 when it did not exit by itself
 * @param took     wall time of the acquisition
 * @param detail   the failure in words when the outcome is not {@link Outcome#COMPLETED}
 */
public record RawOutput(String sourceId, Outcome outcome, List<RawPart> parts, String stderr, int exitCode,
                        Duration took, String detail) {

    public enum Outcome {
        /** The command exited (with any status) or every file was read. */
        COMPLETED,
        /** The program or file does not exist. */
        NOT_FOUND,
        /** The OS refused to run the program or read the file. */
        PERMISSION_DENIED,
        /** The command exceeded its time budget and was killed. */
        TIMEOUT,
        /** The output was over the cap: the command was stopped there and nothing of it was kept. */
        TOO_LARGE,
        /** Any other I/O failure. */
        FAILED
    }

    public RawOutput {
        Objects.requireNonNull(sourceId);
        Objects.requireNonNull(outcome);
        parts = List.copyOf(parts);
        Objects.requireNonNull(stderr);
        Objects.requireNonNull(took);
        Objects.requireNonNull(detail);
    }

    public static RawOutput failed(String sourceId, Outcome outcome, Duration took, String detail) {
        return new RawOutput(sourceId, outcome, List.of(), "", -1, took, detail);
    }

    /** Every part's text, in order, joined (each part ends with a newline). Decoded as UTF-8. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (RawPart p : parts) {
            String t = new String(p.data(), StandardCharsets.UTF_8);
            sb.append(t);
            if (!t.isEmpty() && !t.endsWith("\n")) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    public long size() {
        long n = 0;
        for (RawPart p : parts) {
            n += p.data().length;
        }
        return n;
    }
}
