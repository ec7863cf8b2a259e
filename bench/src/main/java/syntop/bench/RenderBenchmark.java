package syntop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.BasicTextImage;

import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.judge.Pipeline;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.os.linux.LinuxPlatform;
import syntop.collectors.platform.SourceEvaluation;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.Source;
import syntop.themes.ThemeLoader;
import syntop.tui.console.ConsolePainter;
import syntop.tui.view.ViewState;

/** One full redraw of the console at 120×40 into an off-screen image, from a real SYN-flood capture. */
public class RenderBenchmark extends AverageTimeBenchmark {
    private JudgedTick frame;
    private ConsolePainter painter;
    private ViewState view;
    private BasicTextImage image;

    @Setup(Level.Trial)
    public void setUp() {
        Path capture = ParserBenchmark.FIXTURES.resolve("linux/6.18-lab-synflood-ss");
        LinuxPlatform platform = new LinuxPlatform(new HostInfo("lab", OsFamily.LINUX, "Linux 6.18"));
        Acquirer acquirer = new Acquirer((argv, timeout, max) -> {
            String id = platform.sources().stream()
                    .filter(s -> s.acquisition() instanceof Acquisition.Command c && c.argv().equals(argv))
                    .findFirst().orElseThrow().id();
            try {
                return new CommandResult(argv, RawOutput.Outcome.COMPLETED,
                        Files.readAllBytes(capture.resolve("cmd/" + id + ".txt")), "", 0, false, Duration.ZERO, "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, new FsRoot(capture));
        Pipeline pipeline = new Pipeline(platform, Thresholds.defaults());
        for (int t = 0; t < 60; t++) {
            List<SourceResult> results = new ArrayList<>();
            Map<String, Duration> every = new HashMap<>();
            for (Source s : platform.sources()) {
                results.add(SourceEvaluation.evaluate(s, acquirer.acquire(s), Duration.ofSeconds(1)));
                every.put(s.id(), Duration.ofSeconds(1));
            }
            frame = pipeline.tick(Instant.EPOCH.plusSeconds(t), t * 1_000_000_000L, results, every);
        }
        painter = new ConsolePainter(new ThemeLoader(null), "lab");
        view = new ViewState("dark", false, Duration.ofSeconds(1));
        image = new BasicTextImage(new TerminalSize(120, 40));
    }

    /** A whole screen onto an empty image: every cell is written (start-up, a resize, a theme change). */
    @Benchmark
    public BasicTextImage fullRedraw120x40() {
        BasicTextImage blank = new BasicTextImage(image.getSize());
        painter.paint(blank.newTextGraphics(), blank.getSize(), view, Optional.of(frame));
        return blank;
    }

    /** The same screen again, as each tick repaints it: only changed cells reach the image. */
    @Benchmark
    public BasicTextImage repaint120x40() {
        painter.paint(image.newTextGraphics(), image.getSize(), view, Optional.of(frame));
        return image;
    }
}
