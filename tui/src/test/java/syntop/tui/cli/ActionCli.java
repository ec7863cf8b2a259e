package syntop.tui.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import picocli.CommandLine;
import syntop.collectors.action.Actions;
import syntop.collectors.action.BlockTarget;
import syntop.collectors.action.FakeProcSys;
import syntop.collectors.action.Identity;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.action.OwnSession;
import syntop.collectors.action.RecordingRunner;
import syntop.collectors.source.CommandResult;
import syntop.tui.action.ActionEnvironment;

/**
 * Runs the action subcommands in-process against a fake Linux machine: a /proc/sys under a temp
 * directory, a runner that records argvs (and "sets" sysctl keys in that /proc/sys), state and
 * audit log in the temp directory, and scripted answers to confirmation questions.
 */
final class ActionCli {
    final Path dir;
    final FakeProcSys procSys;
    /** Records every argv; answers from the test's rules, then as the fake machine would. */
    final RecordingRunner runner = new RecordingRunner();
    final List<List<String>> calls = runner.calls;
    final Deque<Optional<Boolean>> answers = new ArrayDeque<>();
    final List<String> questions = new ArrayList<>();
    Identity identity = Identity.of(0, "root");

    ActionCli(Path dir, Map<String, String> keys) {
        this.dir = dir;
        this.procSys = new FakeProcSys(dir);
        keys.forEach(procSys::set);
        // no table yet: syntop makes its own
        runner.answer(argv -> argv.size() > 2 && argv.subList(0, 3).equals(List.of("nft", "-t", "list"))
                ? result(argv, 1, "", "Error: No such file or directory\n") : null);
        runner.answer(procSys::sysctlWrite);
    }

    String get(String key) {
        return procSys.get(key);
    }

    ActionCli on(List<String> prefix, int exit, String stdout) {
        runner.on(prefix, exit, stdout, "");
        return this;
    }

    /** Answers with a function (null: not this rule's argv), before every rule added earlier. */
    ActionCli answer(Function<List<String>, CommandResult> rule) {
        runner.answer(rule);
        return this;
    }

    static CommandResult result(List<String> argv, int exit, String out, String err) {
        return RecordingRunner.result(argv, exit, out, err);
    }

    ActionEnvironment environment() {
        Actions.Settings s = new Actions.Settings(false, identity, dir.resolve("state"), dir.resolve("audit.log"),
                List.of(dir.resolve("profiles")), BlockTarget.DEFAULT, List.of(new OwnSession(IpPrefix.parse("192.0.2.10"), OptionalInt.of(50022), OptionalInt.of(22), "SSH_CONNECTION")),
                Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC));
        return new ActionEnvironment(Optional.of(procSys.interventions()), runner, s, q -> {
            questions.add(q);
            return answers.isEmpty() ? Optional.empty() : answers.pop();
        });
    }

    /** Changes made (sysctl -w, ss -K, nft but its listings): what must stay empty on a refusal. */
    List<List<String>> changes() {
        return FakeProcSys.changes(calls);
    }

    Cli run(String... args) {
        CommandLine cl = SyntopCommand.commandLine();
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommand() instanceof ActionCommand ac) {
                ac.environment(environment());
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return Cli.of(exit, out.toString(), err.toString());
    }
}
