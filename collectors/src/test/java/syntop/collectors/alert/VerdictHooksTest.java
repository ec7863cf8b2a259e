package syntop.collectors.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import syntop.collectors.detect.Verdict;
import syntop.collectors.detect.Judgement;
import syntop.collectors.history.History;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.StateCounts;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.ProcessCommandRunner;
import syntop.collectors.source.RawOutput;

class VerdictHooksTest {
    private static final HostInfo HOST = new HostInfo("web1", OsFamily.LINUX, "Linux 6.18");
    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    // ---- splitting

    @Test
    void splitsOnBlanksAndKeepsQuotedTextWhole() {
        assertEquals(List.of("tcpdump", "-i", "any", "-c", "2000", "-s", "64", "-w", "/var/tmp/syn flood.pcap", "port", "8080"),
                HookCommand.split("tcpdump -i any  -c 2000 -s 64 -w '/var/tmp/syn flood.pcap'\tport 8080"));
        assertEquals(List.of("logger", "-t", "syntop", "SYN flood"), HookCommand.split("logger -t syntop \"SYN flood\""));
        assertEquals(List.of("a'b", "c d", ""), HookCommand.split("\"a'b\" c' 'd ''"));
        assertEquals(List.of("notify", "$HOME is literal"), HookCommand.split("notify '$HOME is literal'"));
        assertEquals(List.of("tcpdump", "tcp[13] & 2 != 0"), HookCommand.split("tcpdump 'tcp[13] & 2 != 0'"));
    }

    @Test
    void refusesShellSyntaxWithTheReason() {
        String[][] cases = {
            {"tcpdump -w x.pcap; rm -rf /", "';' is refused: pipelines, lists"},
            {"ss -tan | mail root", "'|' is refused: pipelines"},
            {"capture &", "'&' is refused"},
            {"echo $SYNTOP_VERDICT_KIND", "'$' is refused: variables are not expanded"},
            {"echo \"$HOME\"", "'$' inside double quotes is refused"},
            {"echo `id`", "'`' is refused"},
            {"tcpdump > /tmp/x", "'>' is refused: redirections need a shell"},
            {"cat < /etc/passwd", "'<' is refused"},
            {"rm /tmp/*.pcap", "'*' is refused: there is no shell to expand"},
            {"ls ~/caps", "'~' is refused"},
            {"a\\ b", "'\\' is refused"},
            {"(subshell)", "'(' is refused"},
            {"x # comment", "'#' is refused"},
            {"one\ntwo", "a line break is not allowed"},
            {"say 'unclosed", "the quote ' at character 5 is not closed"},
            {"   ", "no command given"},
            {"'' arg", "no command given"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HookCommand.split(c[0]), c[0]);
            assertTrue(e.getMessage().startsWith(c[1]), c[0] + " -> " + e.getMessage());
        }
    }

    // ---- when it runs

    static final class ManualClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private record Run(List<String> argv, Map<String, String> env) {
    }

    private final ManualClock clock = new ManualClock();
    private final List<Run> runs = new ArrayList<>();
    private final List<String> said = new ArrayList<>();
    private final VerdictHooks hooks = new VerdictHooks(List.of("capture", "--short"), HOST, (argv, env, timeout) -> {
        runs.add(new Run(argv, env));
        return new CommandResult(argv, RawOutput.Outcome.COMPLETED, new byte[0], "", 0, false, Duration.ofMillis(5), "");
    }, clock, new VerdictHooks.Limits(Duration.ofMinutes(5), 3), Duration.ofSeconds(30), said::add, Runnable::run);

    private static Verdict v(Verdict.Kind kind, Integer port) {
        return new Verdict(kind, Verdict.Severity.CRITICAL, port == null ? OptionalInt.empty() : OptionalInt.of(port),
                kind.label() + " summary", "evidence " + port);
    }

    private void tick(Verdict... verdicts) {
        Snapshot s = new Snapshot(clock.now, 0, HOST, Map.of(), StateCounts.empty(), Counters.empty(), List.of(), Map.of(),
                Map.of());
        hooks.onTick(new JudgedTick(1, s, List.of(verdicts), new Judgement(5, 5, List.of()), new History()), List.of());
        clock.now = clock.now.plusSeconds(1);
    }

    @Test
    void runsWhenAVerdictStartsWithTheVerdictInTheEnvironment() {
        tick();
        tick(v(Verdict.Kind.SYN_FLOOD, 8080));
        assertEquals(1, runs.size());
        assertEquals(List.of("capture", "--short"), runs.get(0).argv());
        Map<String, String> env = runs.get(0).env();
        assertEquals("syn_flood", env.get("SYNTOP_VERDICT_KIND"));
        assertEquals("critical", env.get("SYNTOP_VERDICT_SEVERITY"));
        assertEquals("8080", env.get("SYNTOP_VERDICT_PORT"));
        assertEquals("syn_flood summary", env.get("SYNTOP_VERDICT_SUMMARY"));
        assertEquals("evidence 8080", env.get("SYNTOP_VERDICT_EVIDENCE"));
        assertEquals("web1", env.get("SYNTOP_VERDICT_HOST"));
        assertEquals("2025-03-01T12:00:01Z", env.get("SYNTOP_VERDICT_AT"));

        tick(v(Verdict.Kind.SYN_FLOOD, 8080));
        tick(v(Verdict.Kind.SYN_FLOOD, 8080));
        assertEquals(1, runs.size(), "a verdict that goes on is not a new start");
        tick(v(Verdict.Kind.SYN_FLOOD, 8080), v(Verdict.Kind.ACCEPT_QUEUE_FULL, 8081), v(Verdict.Kind.TIME_WAIT_PILE_UP, null));
        assertEquals(3, runs.size(), "other kinds and ports start on their own");
        assertEquals("", runs.get(2).env().get("SYNTOP_VERDICT_PORT"));
    }

    @Test
    void oncePerKindAndPortPerFiveMinutes() {
        tick(v(Verdict.Kind.SYN_FLOOD, 8080));
        tick();
        tick(v(Verdict.Kind.SYN_FLOOD, 8080)); // flapping: starts again a few seconds later
        assertEquals(1, runs.size());
        tick(v(Verdict.Kind.SYN_FLOOD, 9090));
        assertEquals(2, runs.size(), "another port is another key");
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        tick();
        tick(v(Verdict.Kind.SYN_FLOOD, 8080));
        assertEquals(3, runs.size(), "five minutes later it runs again");
        assertEquals(List.of(), said);
    }

    @Test
    void atMostNPerHourSaidOnce() {
        for (int port = 1; port <= 6; port++) {
            tick(v(Verdict.Kind.SYN_FLOOD, port));
        }
        assertEquals(3, runs.size(), "the hourly limit");
        assertEquals(1, said.size(), said::toString);
        assertTrue(said.get(0).startsWith("--on-verdict: ran 3 times in the last hour, the most allowed"), said.get(0));
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        tick();
        tick(v(Verdict.Kind.SYN_FLOOD, 7));
        assertEquals(4, runs.size(), "an hour later it may run again");
    }

    @Test
    void failuresAreSaid() {
        VerdictHooks failing = new VerdictHooks(List.of("capture"), HOST, (argv, env, timeout) ->
                new CommandResult(argv, RawOutput.Outcome.COMPLETED, new byte[0], "capture: no such interface\nmore", 2,
                        false, Duration.ZERO, ""), clock, VerdictHooks.Limits.defaults(), Duration.ofSeconds(30), said::add,
                Runnable::run);
        Snapshot s = new Snapshot(T0, 0, HOST, Map.of(), StateCounts.empty(), Counters.empty(), List.of(), Map.of(), Map.of());
        failing.onTick(new JudgedTick(1, s, List.of(v(Verdict.Kind.SYN_FLOOD, 80)), new Judgement(5, 5, List.of()), new History()), List.of());
        assertEquals(List.of("--on-verdict: capture for syn_flood on :80 exited with status 2: capture: no such interface"),
                said);
    }

    @Test
    void aRealProcessSeesTheVariables() {
        Map<String, String> env = VerdictHooks.environment(v(Verdict.Kind.SYN_FLOOD, 8080), HOST, T0);
        CommandResult r = new ProcessCommandRunner().run(List.of("env"), env, Duration.ofSeconds(10), 1 << 20);
        assertEquals(0, r.exitCode(), r.detail());
        assertTrue(r.stdoutText().contains("SYNTOP_VERDICT_KIND=syn_flood\n"), r.stdoutText());
        assertTrue(r.stdoutText().contains("SYNTOP_VERDICT_PORT=8080\n"));
    }
}
