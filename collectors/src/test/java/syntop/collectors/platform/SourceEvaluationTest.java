package syntop.collectors.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.SourceHealth;
import syntop.collectors.os.linux.SockstatParser;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.Source;

class SourceEvaluationTest {
    private static final Source SOCKSTAT = new Source("proc-net-sockstat", Acquisition.command("sockstat-tool"),
            t -> SockstatParser.parse(t.lines()), Duration.ofSeconds(1), Source.Cost.CHEAP);
    private static final Duration EVERY = Duration.ofSeconds(1);

    private static RawOutput ran(String stdout, String stderr, int exit) {
        return new RawOutput("proc-net-sockstat", RawOutput.Outcome.COMPLETED, List.of(RawPart.of("stdout", stdout)),
                stderr, exit, Duration.ofMillis(2), "");
    }

    @Test
    void understoodOutputIsOk() {
        SourceResult r = SourceEvaluation.evaluate(SOCKSTAT, ran("TCP: inuse 1 orphan 0 tw 2\n", "", 0), EVERY);
        assertEquals(SourceHealth.OK, r.status().health());
        assertEquals(Duration.ofMillis(2), r.status().took());
    }

    @Test
    void permissionDeniedMeansNeedsRoot() {
        SourceResult r = SourceEvaluation.evaluate(SOCKSTAT, ran("", "pfctl: /dev/pf: Permission denied\n", 1), EVERY);
        assertEquals(SourceHealth.NEEDS_ROOT, r.status().health());
        assertEquals("sockstat-tool: pfctl: /dev/pf: Permission denied (needs root)", r.status().detail());
    }

    @Test
    void garbageIsUnparsedWithTheFirstOffendingLine() {
        SourceResult r = SourceEvaluation.evaluate(SOCKSTAT, ran("<html>oops</html>\n", "", 0), EVERY);
        assertEquals(SourceHealth.UNPARSED, r.status().health());
        assertTrue(r.status().detail().contains("<html>oops</html>"), r.status().detail());
        assertEquals(SourceHealth.UNPARSED, SourceEvaluation.evaluate(SOCKSTAT, ran("", "", 0), EVERY).status().health());
        assertEquals("printed nothing", SourceEvaluation.evaluate(SOCKSTAT, ran("\n", "", 0), EVERY).status().detail());
    }

    @Test
    void aFailingCommandSaysWhy() {
        SourceResult r = SourceEvaluation.evaluate(SOCKSTAT, ran("", "sockstat-tool: bad option\n", 64), EVERY);
        assertEquals(SourceHealth.UNAVAILABLE, r.status().health());
        assertEquals("sockstat-tool: sockstat-tool: bad option", r.status().detail());
    }

    @Test
    void timeoutsAndMissingProgramsKeepTheirOwnHealth() {
        assertEquals(SourceHealth.TIMEOUT, SourceEvaluation.evaluate(SOCKSTAT,
                RawOutput.failed("x", RawOutput.Outcome.TIMEOUT, Duration.ofSeconds(1), "killed"), EVERY).status().health());
        SourceResult missing = SourceEvaluation.evaluate(SOCKSTAT,
                RawOutput.failed("x", RawOutput.Outcome.NOT_FOUND, Duration.ZERO, "sockstat-tool: command not found"), EVERY);
        assertEquals(SourceHealth.UNAVAILABLE, missing.status().health());
        assertTrue(missing.status().isFailure());
    }

    @Test
    void anOptionalSourceKeptFromNonRootUsersIsNotAFailureButAMandatoryOneIs() {
        RawOutput denied = RawOutput.failed("x", RawOutput.Outcome.PERMISSION_DENIED, Duration.ZERO,
                "/dev/kmsg: operation not permitted (needs root: kernel.dmesg_restrict is 1)");
        Source kernelLog = new Source("dev-kmsg", new Acquisition.LogDevice("/dev/kmsg", java.util.List.of()),
                t -> { throw new AssertionError(); }, Duration.ofMillis(300), Source.Cost.CHEAP, true);
        SourceResult optional = SourceEvaluation.evaluate(kernelLog, denied, EVERY);
        assertEquals(SourceHealth.NEEDS_ROOT, optional.status().health());
        assertFalse(optional.status().isFailure());
        assertTrue(SourceEvaluation.evaluate(SOCKSTAT, denied, EVERY).status().isFailure());
    }

    @Test
    void aParserThatThrowsCostsOnlyItsOwnSource() {
        Source broken = new Source("broken", Acquisition.command("x"), t -> {
            throw new IllegalStateException("bug");
        }, Duration.ofSeconds(1), Source.Cost.CHEAP);
        SourceResult r = SourceEvaluation.evaluate(broken, ran("a", "", 0), EVERY);
        assertEquals(SourceHealth.UNPARSED, r.status().health());
        assertTrue(r.status().detail().contains("bug"));
    }
}
