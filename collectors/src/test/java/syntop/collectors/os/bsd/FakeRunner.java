package syntop.collectors.os.bsd;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.RawOutput;

/** A command runner that answers from a table keyed by argv; anything else is "command not found". */
public final class FakeRunner implements CommandRunner {
    private final Map<List<String>, CommandResult> answers = new HashMap<>();
    public final List<List<String>> calls = new ArrayList<>();

    public FakeRunner answer(String stdout, String... argv) {
        answers.put(List.of(argv), new CommandResult(List.of(argv), RawOutput.Outcome.COMPLETED,
                stdout.getBytes(StandardCharsets.UTF_8), "", 0, false, Duration.ofMillis(3), ""));
        return this;
    }

    /** A command that runs and fails, as pfctl does for a user who may not open /dev/pf. */
    public FakeRunner fail(int exit, String stderr, String... argv) {
        answers.put(List.of(argv), new CommandResult(List.of(argv), RawOutput.Outcome.COMPLETED, new byte[0], stderr, exit,
                false, Duration.ofMillis(2), ""));
        return this;
    }

    @Override
    public CommandResult run(List<String> argv, Duration timeout, long maxOutputBytes) {
        calls.add(List.copyOf(argv));
        CommandResult r = answers.get(argv);
        if (r != null) {
            return r;
        }
        return new CommandResult(argv, RawOutput.Outcome.NOT_FOUND, new byte[0], "", -1, false, Duration.ZERO,
                argv.get(0) + ": command not found");
    }
}
