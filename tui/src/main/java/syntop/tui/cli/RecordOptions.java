package syntop.tui.cli;

import java.time.Duration;

import picocli.CommandLine.Option;
import syntop.collectors.record.RecordWriter;
import syntop.collectors.record.Sizes;

/** Options shared by {@code syntop record} and the console's {@code --record}: rotation and alert hooks. */
final class RecordOptions {
    @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "64M",
            description = "start a new file when the recording reaches SIZE (e.g. 500K, 64M, 1G; default: ${DEFAULT-VALUE})")
    String maxSize;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "4",
            description = "old recording files to keep (FILE.1 … FILE.N; default: ${DEFAULT-VALUE}); "
                    + "disk use stays under (N+1) × --max-size")
    int keep;

    @Option(names = "--max-age", paramLabel = "DURATION",
            description = "also start a new file when the current one is this old (e.g. 1h, 1d)")
    String maxAge;

    @Option(names = "--on-verdict", paramLabel = "'CMD ARG…'",
            description = {"run this command when a verdict starts (at most once per kind and port per 5 minutes, "
                    + "12 times an hour), with the verdict in SYNTOP_VERDICT_KIND, _SEVERITY, _PORT, _SUMMARY, "
                    + "_EVIDENCE, _HOST and _AT. Split into words at blanks, with '…' and \"…\" quoting; "
                    + "no shell: ; | & $ ` < > and globs are refused"})
    String onVerdict;

    @Option(names = "--on-verdict-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "stop an --on-verdict command that runs longer (default: ${DEFAULT-VALUE})")
    double hookTimeoutSeconds;

    /** The rotation limits; an {@link IllegalArgumentException} with the reason when an option is wrong. */
    RecordWriter.Limits limits() {
        long size;
        try {
            size = Sizes.parse(maxSize);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--max-size: " + e.getMessage());
        }
        if (size < 64 * 1024) {
            throw new IllegalArgumentException("--max-size must be at least 64K");
        }
        if (keep < 0 || keep > 1000) {
            throw new IllegalArgumentException("--keep must be between 0 and 1000");
        }
        Duration age = Duration.ZERO;
        if (maxAge != null) {
            try {
                age = TimeArgs.duration(maxAge);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--max-age: " + e.getMessage());
            }
            if (age.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("--max-age must be at least 1m");
            }
        }
        return new RecordWriter.Limits(size, keep, age);
    }

    Duration hookTimeout() {
        if (!(hookTimeoutSeconds >= 1 && hookTimeoutSeconds <= 86400)) {
            throw new IllegalArgumentException("--on-verdict-timeout must be between 1 and 86400 seconds");
        }
        return Duration.ofMillis(Math.round(hookTimeoutSeconds * 1000));
    }
}
