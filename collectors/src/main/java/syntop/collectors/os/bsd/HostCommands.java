package syntop.collectors.os.bsd;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;

/** Asks the BSDs who they are ({@code uname}, {@code sw_vers}) once at start, never failing: empty when a command does not answer. */
public final class HostCommands {
    /** How long one identity command may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final long MAX_OUTPUT = 4096;

    private HostCommands() {
    }

    /** The first non-blank line a command prints when it exits with status 0. */
    public static Optional<String> firstLine(CommandRunner runner, String... argv) {
        try {
            CommandResult r = runner.run(List.of(argv), TIMEOUT, MAX_OUTPUT);
            if (!r.succeeded()) {
                return Optional.empty();
            }
            for (String line : r.stdoutText().split("\n")) {
                if (!line.isBlank()) {
                    return Optional.of(line.strip());
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
