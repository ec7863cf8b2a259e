package syntop.tui.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.RawOutput;
import syntop.tui.action.ActionEnvironment;

/**
 * Runs the action subcommands in-process against a fake Linux machine: a /proc/sys under a temp
 * directory, a runner that records argvs (and "sets" sysctl keys in that /proc/sys), state and
 * audit log in the temp directory, and scripted answers to confirmation questions.
 */
final class ActionCli {
    final Path dir;
    final FakeProcSys procSys;
    final List<List<String>> calls = new ArrayList<>();
    final List<Function<List<String>, CommandResult>> rules = new ArrayList<>();
    final Deque<Optional<Boolean>> answers = new ArrayDeque<>();
    final List<String> questions = new ArrayList<>();
    Identity identity = Identity.of(0, "root");

    ActionCli(Path dir, Map<String, String> keys) {
        this.dir = dir;
        this.procSys = new FakeProcSys(dir);
        keys.forEach(procSys::set);
    }

    String get(String key) {
        return procSys.get(key);
    }

    ActionCli on(List<String> prefix, int exit, String stdout) {
        rules.add(argv -> argv.size() >= prefix.size() && argv.subList(0, prefix.size()).equals(prefix)
                ? result(argv, exit, stdout, "") : null);
        return this;
    }

    static CommandResult result(List<String> argv, int exit, String out, String err) {
        return new CommandResult(argv, RawOutput.Outcome.COMPLETED, out.getBytes(StandardCharsets.UTF_8), err, exit, false,
                Duration.ofMillis(1), "");
    }

    private final CommandRunner runner = new CommandRunner() {
        @Override
        public CommandResult run(List<String> argv, Duration timeout, long max) {
            calls.add(List.copyOf(argv));
            for (int i = rules.size() - 1; i >= 0; i--) {
                CommandResult r = rules.get(i).apply(argv);
                if (r != null) {
                    return r;
                }
            }
            if (argv.size() == 3 && argv.get(0).equals("sysctl") && argv.get(1).equals("-w")) {
                String[] kv = argv.get(2).split("=", 2);
                if (!Files.exists(procSys.file(kv[0]))) {
                    return result(argv, 255, "", "sysctl: cannot stat: No such file or directory");
                }
                procSys.set(kv[0], kv[1]);
                return result(argv, 0, kv[0] + " = " + kv[1] + "\n", "");
            }
            if (argv.size() > 2 && argv.subList(0, 3).equals(List.of("nft", "-t", "list"))) {
                return result(argv, 1, "", "Error: No such file or directory\n"); // no table yet: syntop makes its own
            }
            return result(argv, 0, "", "");
        }
    };

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
