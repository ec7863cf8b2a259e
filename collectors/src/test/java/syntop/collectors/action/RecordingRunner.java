package syntop.collectors.action;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.RawOutput;

/** A command runner that runs nothing: it records every argv and answers from rules (the last added that matches wins; else exit 0, no output). */
public final class RecordingRunner implements CommandRunner {
    public final List<List<String>> calls = new ArrayList<>();
    /** What each command fed standard input was fed, by its index in {@link #calls}. */
    final java.util.Map<Integer, String> stdin = new java.util.HashMap<>();
    private final List<Function<List<String>, CommandResult>> rules = new ArrayList<>();

    /** Answers argvs that start with {@code prefix}. */
    public RecordingRunner on(List<String> prefix, int exit, String stdout, String stderr) {
        rules.add(argv -> argv.size() >= prefix.size() && argv.subList(0, prefix.size()).equals(prefix)
                ? result(argv, exit, stdout, stderr) : null);
        return this;
    }

    /** Answers with a function (null: not mine). */
    public RecordingRunner answer(Function<List<String>, CommandResult> rule) {
        rules.add(rule);
        return this;
    }

    public static CommandResult result(List<String> argv, int exit, String stdout, String stderr) {
        return new CommandResult(argv, RawOutput.Outcome.COMPLETED, stdout.getBytes(StandardCharsets.UTF_8), stderr, exit,
                false, Duration.ofMillis(1), "");
    }

    @Override
    public CommandResult run(List<String> argv, Duration timeout, long maxOutputBytes) {
        calls.add(List.copyOf(argv));
        for (int i = rules.size() - 1; i >= 0; i--) {
            CommandResult c = rules.get(i).apply(argv);
            if (c != null) {
                return c;
            }
        }
        return result(argv, 0, "", "");
    }

    @Override
    public CommandResult run(List<String> argv, byte[] input, Duration timeout, long maxOutputBytes) {
        stdin.put(calls.size(), new String(input, StandardCharsets.UTF_8));
        return run(argv, timeout, maxOutputBytes);
    }

    /** The calls whose program is {@code program}. */
    List<List<String>> calls(String program) {
        return calls.stream().filter(a -> a.get(0).equals(program)).toList();
    }

    /** {@link #anyChange()}, the read-only {@code allowed} argv aside. */
    boolean anyChangeBesides(List<String> allowed) {
        return calls.stream().filter(a -> !a.equals(allowed)).anyMatch(a -> (a.get(0).equals("sysctl") && !a.contains("-n"))
                || (a.get(0).equals("nft") && !(a.size() > 1 && a.get(1).equals("-t"))));
    }

    /** True when any argv holds a '-w' or '=' assignment, an nft/pfctl/tcpdrop/ss -K change. */
    boolean anyChange() {
        return calls.stream().anyMatch(a -> (a.get(0).equals("sysctl") && !a.contains("-n"))
                || (a.get(0).equals("ss") && a.contains("-K"))
                || a.get(0).equals("nft")
                || (a.get(0).equals("pfctl"))
                || (a.get(0).equals("tcpdrop") && !a.contains("-l")));
    }
}
