package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.LivePipeline;
import syntop.collectors.os.Platforms;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Sampler;
import syntop.collectors.record.Recording;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.ProcessCommandRunner;
import syntop.tui.console.ConsoleLoop;

/** The console's {@code --record}: recording while the screen runs, its state in the header. */
@EnabledOnOs(OS.LINUX)
class ConsoleRecordingTest {
    @TempDir
    Path tmp;

    @Test
    void recordsWhileTheConsoleRunsAndSaysSoInTheHeader() throws Exception {
        FsRoot root = new FsRoot(Path.of(RecordCommandTest.LAB));
        Platform platform = Platforms.detect(root).orElseThrow();
        RecordOptions options = CommandLine.populateCommand(new RecordOptions());
        Path file = tmp.resolve("console.syntop");
        StringWriter err = new StringWriter();
        try (LivePipeline sampler = new LivePipeline(Sampler.live(platform, new Acquirer(new ProcessCommandRunner(), root),
                Duration.ofSeconds(1)), Thresholds.defaults())) {
            int exit = ConsoleRecording.run(platform, file, options, Duration.ofSeconds(1), new PrintWriter(err),
                    recording -> {
                        recording.listenTo(sampler);
                        ConsoleLoop.Controls controls = recording.controls();
                        for (int i = 0; i < 3; i++) {
                            sampler.next();
                        }
                        assertEquals("live  REC", controls.mode(false));
                        assertEquals("PAUSED  REC", controls.mode(true));
                        assertNull(controls.current());
                        return 0;
                    });
            assertEquals(0, exit);
        }
        assertEquals("", err.toString());
        Recording r = Recording.open(file);
        assertEquals(3, r.size());
        assertEquals("recording stopped: the console was closed", r.notes().get(r.notes().size() - 1).text());
    }

    @Test
    void withoutRecordOrHooksNothingIsAttached() {
        RecordOptions options = CommandLine.populateCommand(new RecordOptions());
        int exit = ConsoleRecording.run(null, null, options, Duration.ofSeconds(1), new PrintWriter(new StringWriter()),
                recording -> {
                    assertNull(recording.controls());
                    return 7;
                });
        assertEquals(7, exit);
    }

    @Test
    void aFileThatCannotBeRecordedToIsSaidBeforeTheConsoleOpens() throws Exception {
        Platform platform = Platforms.detect(new FsRoot(Path.of(RecordCommandTest.LAB))).orElseThrow();
        RecordOptions options = CommandLine.populateCommand(new RecordOptions());
        StringWriter err = new StringWriter();
        boolean[] opened = {false};
        int exit = ConsoleRecording.run(platform, tmp.resolve("no-such-folder/console.syntop"), options, Duration.ofSeconds(1),
                new PrintWriter(err), recording -> {
                    opened[0] = true;
                    return 0;
                });
        assertEquals(ExitCodes.USAGE, exit);
        assertFalse(opened[0], "the console must not open");
        assertTrue(err.toString().startsWith("syntop: cannot record to "), err.toString());
    }

    @Test
    void hooksAloneShowNoRecordingState() throws Exception {
        FsRoot root = new FsRoot(Path.of(RecordCommandTest.LAB));
        Platform platform = Platforms.detect(root).orElseThrow();
        RecordOptions options = CommandLine.populateCommand(new RecordOptions(), "--on-verdict", "true");
        try (LivePipeline sampler = new LivePipeline(Sampler.live(platform, new Acquirer(new ProcessCommandRunner(), root),
                Duration.ofSeconds(1)), Thresholds.defaults())) {
            int exit = ConsoleRecording.run(platform, null, options, Duration.ofSeconds(1),
                    new PrintWriter(new StringWriter()), recording -> {
                        recording.listenTo(sampler);
                        sampler.next();
                        assertEquals("live", recording.controls().mode(false));
                        return 0;
                    });
            assertEquals(0, exit);
        }
    }
}
