package syntop.collectors.source;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The result of running one argument vector.
 *
 * @param argv      what was run
 * @param outcome   ran / not found / permission denied / timeout / failed
 * @param stdout    standard output (empty when over the cap)
 * @param stderr    standard error (capped)
 * @param exitCode  exit status, -1 when the process did not exit by itself
 * @param truncated true when the output cap was hit (the outcome is then {@link RawOutput.Outcome#TOO_LARGE})
 * @param took      wall time
 * @param detail    the failure in words, empty when it ran
 */
public record CommandResult(List<String> argv, RawOutput.Outcome outcome, byte[] stdout, String stderr, int exitCode,
                            boolean truncated, Duration took, String detail) {
    public CommandResult {
        argv = List.copyOf(argv);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(stdout);
        Objects.requireNonNull(stderr);
        Objects.requireNonNull(took);
        Objects.requireNonNull(detail);
    }

    public boolean succeeded() {
        return outcome == RawOutput.Outcome.COMPLETED && exitCode == 0;
    }

    public String stdoutText() {
        return new String(stdout, java.nio.charset.StandardCharsets.UTF_8);
    }
}
