package syntop.collectors.source;

import java.time.Duration;
import java.util.List;

/** Runs an argument vector (never a shell command line) with a time limit and an output cap. */
public interface CommandRunner {
    /**
     * Default cap on captured output, sized to the heap ({@link BoundedInput#DEFAULT_CAP}): a
     * 500k-socket {@code netstat -an} is about 50 MB and needs a heap of 400 MiB.
     */
    long DEFAULT_MAX_OUTPUT = BoundedInput.DEFAULT_CAP;

    CommandResult run(List<String> argv, Duration timeout, long maxOutputBytes);

    default CommandResult run(List<String> argv, Duration timeout) {
        return run(argv, timeout, DEFAULT_MAX_OUTPUT);
    }

    /**
     * Runs {@code argv} with {@code stdin} as its standard input (a ruleset for {@code nft -f -} or
     * {@code pfctl -f -}), never through a shell. A runner that cannot feed standard input says so
     * in the result, and the command does not run.
     */
    default CommandResult run(List<String> argv, byte[] stdin, Duration timeout, long maxOutputBytes) {
        return new CommandResult(argv, RawOutput.Outcome.FAILED, new byte[0], "", -1, false, Duration.ZERO,
                "this command runner cannot feed standard input; " + argv.get(0) + " did not run");
    }
}
