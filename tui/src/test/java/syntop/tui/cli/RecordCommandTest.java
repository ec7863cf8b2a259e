package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.Fixtures;
import syntop.collectors.record.Recording;
import syntop.collectors.record.RecordingFormatException;

/** {@code syntop record}: headless, bounded, stopped cleanly by SIGTERM, and never loading the terminal library. */
@EnabledOnOs(OS.LINUX)
class RecordCommandTest {
    /** A real kernel's /proc, captured: the recorder reads files under it instead of /. */
    static final String LAB = Fixtures.onClassPath("linux/6.18-lab-synflood")
            .toAbsolutePath().toString();

    @TempDir
    Path tmp;

    @Test
    void recordsForADurationAndClosesWithANote() throws Exception {
        Path file = tmp.resolve("rec.syntop");
        Cli r = Cli.run("record", file.toString(), "--interval", "0.2", "--duration", "1.1s", "--fs-root", LAB);
        assertEquals(0, r.exit, r.err);
        assertEquals("", r.err);
        Recording rec = Recording.open(file);
        assertTrue(rec.size() >= 4 && rec.size() <= 7, "ticks: " + rec.size());
        assertTrue(rec.notes().get(rec.notes().size() - 1).text().equals("recording stopped: --duration 1.1s reached"),
                rec.notes()::toString);
        assertEquals(271L, rec.tick(0).snapshot().counters().raw().get("TcpExtTCPReqQFullDrop"),
                "the captured /proc/net/netstat, read under --fs-root");
    }

    @Test
    void aDiskFullFromTheStartSaysNothingWasRecordedAndExitsOne() {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "no /dev/full on this system");
        Cli r = Cli.run("record", full.toString(), "--interval", "0.2", "--duration", "0.7s", "--fs-root", LAB);
        assertEquals(ExitCodes.SOURCE_FAILED, r.exit, r.toString());
        assertTrue(r.err.contains("recording paused: disk full"), r.err);
        assertTrue(r.err.contains("nothing was recorded: "), r.err);
        assertTrue(r.err.contains("/dev/full holds no tick"), "a device is never removed: " + r.err);
        assertTrue(Files.exists(full));
    }

    @Test
    void wrongOptionsAreUsageErrorsWithTheReason() {
        String f = tmp.resolve("x.syntop").toString();
        String[][] cases = {
            {"syntop record: --max-size must be at least 64K", "record", f, "--max-size", "1K"},
            {"syntop record: --max-size: 'lots' is not a size", "record", f, "--max-size", "lots"},
            {"syntop record: --keep must be between 0 and 1000", "record", f, "--keep", "-1"},
            {"syntop record: --on-verdict: '|' is refused: pipelines", "record", f, "--on-verdict", "ss -tan | mail root"},
            {"syntop record: --on-verdict: no-such-program-here: command not found", "record", f, "--on-verdict",
                "no-such-program-here --now"},
            {"syntop record: --interval must be between 0.2 and 3600", "record", f, "--interval", "0.01"},
            {"syntop record: --duration: 'soon' is not a duration", "record", f, "--duration", "soon"},
            {"syntop record: cannot record to " + tmp.resolve("no/such/dir/x.syntop"), "record",
                tmp.resolve("no/such/dir/x.syntop").toString()},
            {"syntop: --on-verdict: '$' is refused", "--record", f, "--on-verdict", "echo $HOME"},
        };
        for (String[] c : cases) {
            Cli r = Cli.run(Arrays.copyOfRange(c, 1, c.length));
            assertEquals(ExitCodes.USAGE, r.exit, String.join(" ", c) + ": " + r.err);
            assertTrue(r.err.startsWith(c[0]), String.join(" ", c) + " said: " + r.err);
        }
        assertFalse(Files.exists(Path.of(f)), "nothing written on a usage error");
    }

    /** The test class path (surefire puts it in a property; its own class path is a manifest jar). */
    private static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.asList(cp.split(File.pathSeparator));
    }

    private static Process java(List<String> cp, Path out, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", String.join(File.pathSeparator, cp), "syntop.tui.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    @Test
    void runsWithoutTheTerminalLibraryAndWithoutATerminal() throws Exception {
        List<String> cp = classPath().stream().filter(e -> !e.contains("lanterna")).collect(Collectors.toList());
        assertTrue(cp.size() < classPath().size(), "lanterna is on the test class path: " + classPath());
        Path file = tmp.resolve("headless.syntop");
        Path log = tmp.resolve("headless.log");
        Process p = java(cp, log, "record", file.toString(), "--interval", "0.2", "--duration", "1s", "--fs-root", LAB);
        try {
            // a guard against a hang, not a speed target: the recorder stops itself after --duration
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running a minute after --duration 1s");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), Files.readString(log));
        assertEquals("", Files.readString(log));
        Recording rec = Recording.open(file);
        assertTrue(rec.size() >= 3, "ticks: " + rec.size());
        assertEquals("recording stopped: --duration 1s reached", rec.notes().get(rec.notes().size() - 1).text(),
                rec.notes()::toString);
    }

    @Test
    void sigtermWritesWhatIsQueuedAndClosesTheFileCleanly() throws Exception {
        Path file = tmp.resolve("term.syntop");
        Path log = tmp.resolve("term.log");
        Process p = java(classPath(), log, "record", file.toString(), "--interval", "0.2", "--duration", "2m",
                "--fs-root", LAB);
        try {
            int ticks = 0;
            for (int i = 0; i < 300 && ticks < 3; i++) {
                Thread.sleep(100);
                try {
                    ticks = Files.exists(file) ? Recording.open(file).size() : 0;
                } catch (RecordingFormatException notYet) {
                    ticks = 0;
                }
            }
            assertTrue(ticks >= 3, "recording started");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        Recording rec = Recording.open(file);
        assertTrue(rec.notes().stream().noneMatch(Recording.Note::problem), rec.notes()::toString);
        assertEquals("recording stopped: stopped by a signal (SIGTERM, SIGINT or SIGHUP)",
                rec.notes().get(rec.notes().size() - 1).text(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
    }
}
