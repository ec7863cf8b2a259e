package syntop.collectors.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs({OS.LINUX, OS.MAC, OS.FREEBSD})
class ProcessCommandRunnerTest {
    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @Test
    void runsAnArgvWithTheCLocale() {
        CommandResult r = runner.run(List.of("env"), Duration.ofSeconds(5));
        assertTrue(r.succeeded());
        assertTrue(r.stdoutText().contains("LC_ALL=C"), r.stdoutText());
    }

    @Test
    void argumentsAreNeverInterpretedByAShell() {
        CommandResult r = runner.run(List.of("echo", "$(id); rm -rf /tmp/x | cat"), Duration.ofSeconds(5));
        assertEquals("$(id); rm -rf /tmp/x | cat\n", r.stdoutText());
    }

    @Test
    void aMissingProgramIsNotFoundInWords() {
        CommandResult r = runner.run(List.of("syntop-no-such-program"), Duration.ofSeconds(5));
        assertEquals(RawOutput.Outcome.NOT_FOUND, r.outcome());
        assertEquals("syntop-no-such-program: command not found", r.detail());
    }

    @Test
    void nonZeroExitAndStderrAreKept() {
        CommandResult r = runner.run(List.of("ls", "/syntop-no-such-dir"), Duration.ofSeconds(5));
        assertEquals(RawOutput.Outcome.COMPLETED, r.outcome());
        assertTrue(r.exitCode() != 0);
        assertTrue(r.stderr().contains("No such file"), r.stderr());
    }

    @Test
    void aHangingCommandIsKilledWithItsChildren() throws Exception {
        long start = System.nanoTime();
        // a child that spawns a grandchild: both must be gone after the timeout
        CommandResult r = runner.run(List.of("sh", "-c", "sleep 30 & echo $!; wait"), Duration.ofMillis(300));
        assertEquals(RawOutput.Outcome.TIMEOUT, r.outcome());
        assertTrue(r.detail().contains("no answer within 300 ms"), r.detail());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
        long grandchild = Long.parseLong(r.stdoutText().trim());
        Thread.sleep(200);
        assertTrue(!running(grandchild), "grandchild still running");
    }

    /** Gone, or a zombie waiting for init to reap it (killed, but not yet collected). */
    private static boolean running(long pid) throws java.io.IOException {
        java.nio.file.Path stat = java.nio.file.Path.of("/proc/" + pid + "/stat");
        if (java.nio.file.Files.exists(stat)) {
            String s = java.nio.file.Files.readString(stat);
            return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void endlessOutputIsCappedAndTheProcessStopped() {
        CommandResult r = runner.run(List.of("yes", "syntop"), Duration.ofSeconds(10), 100_000);
        assertTrue(r.truncated());
        assertEquals(RawOutput.Outcome.TOO_LARGE, r.outcome(), "not an exit status of the signal it was stopped by");
        assertEquals(0, r.stdout().length, "a cut output is not parsed");
        assertEquals("yes: output over the cap of 100000 bytes (the most syntop reads with this heap), stopped and not read",
                r.detail());
        assertTrue(r.took().toMillis() < 9000);
    }

    @Test
    void outputJustUnderTheCapIsRead() {
        CommandResult r = runner.run(List.of("head", "-c", "100000", "/dev/zero"), Duration.ofSeconds(10), 100_000);
        assertEquals(RawOutput.Outcome.COMPLETED, r.outcome(), r.detail());
        assertEquals(100_000, r.stdout().length);
        assertEquals(0, r.exitCode());
    }

    @Test
    void theDefaultCapFitsTheHeap() {
        // a 100 MB ss output in the launcher's 96 MiB heap once killed the reader, and ss died of SIGPIPE (141)
        assertTrue(CommandRunner.DEFAULT_MAX_OUTPUT <= Runtime.getRuntime().maxMemory() / 8);
        assertTrue(CommandRunner.DEFAULT_MAX_OUTPUT <= 128L * 1024 * 1024);
    }
}
