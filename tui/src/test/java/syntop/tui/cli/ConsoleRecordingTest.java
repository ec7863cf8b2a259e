package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
            int exit = ConsoleRecording.run(sampler, file, options, Duration.ofSeconds(1), new PrintWriter(err),
                    controls -> {
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
                controls -> {
                    assertNull(controls);
                    return 7;
                });
        assertEquals(7, exit);
    }

    @Test
    void hooksAloneShowNoRecordingState() throws Exception {
        FsRoot root = new FsRoot(Path.of(RecordCommandTest.LAB));
        Platform platform = Platforms.detect(root).orElseThrow();
        RecordOptions options = CommandLine.populateCommand(new RecordOptions(), "--on-verdict", "true");
        try (LivePipeline sampler = new LivePipeline(Sampler.live(platform, new Acquirer(new ProcessCommandRunner(), root),
                Duration.ofSeconds(1)), Thresholds.defaults())) {
            int exit = ConsoleRecording.run(sampler, null, options, Duration.ofSeconds(1),
                    new PrintWriter(new StringWriter()), controls -> {
                        sampler.next();
                        assertEquals("live", controls.mode(false));
                        return 0;
                    });
            assertEquals(0, exit);
        }
    }
}
