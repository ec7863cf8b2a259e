package syntop.tui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import syntop.collectors.Fixtures;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.bundle.BundleReader;
import syntop.themes.ThemeLoader;
import syntop.tui.view.ViewState;

/**
 * The console on the lab's capture bundle: a static frame, a header that says it is a capture, and
 * the whole screen at 80×24 and 120×40 against goldens in {@code src/test/resources/golden/screen/}.
 * Every number on it comes from the bundle (its clock, poll times and counters), so the screen is
 * the same on every run. A meant change of the layout: rerun with {@code -Dsyntop.updateGoldens=true}
 * and review the diff.
 */
class CaptureFramesTest {
    private static final Path BUNDLE = Fixtures.onClassPath("linux/6.18-lab-capture-synflood");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/screen");

    @Test
    void showsTheLastSampleWithItsVerdictsAndSaysItIsNotLive() throws Exception {
        BundleReader capture = BundleReader.open(BUNDLE);
        CaptureFrames frames = new CaptureFrames(capture, Thresholds.defaults());
        JudgedTick f = frames.next();
        assertSame(f, frames.next(), "a capture does not change");
        assertEquals(6, f.history().ticks());
        assertTrue(f.verdicts().stream().anyMatch(v -> v.summary().startsWith("SYN flood on :8090")), f.verdicts().toString());

        String header = paint(capture, 120, 40).lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("syntop  CAPTURE of host-"), header);
        assertTrue(header.contains("not live, 6 samples"), header);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void theScreenMatchesItsGolden(int columns, int rows) throws Exception {
        BundleReader capture = BundleReader.open(BUNDLE);
        Fixtures.assertGolden(GOLDEN.resolve("lab-capture-" + columns + "x" + rows + ".txt"),
                paint(capture, columns, rows));
    }

    /**
     * The capture painted on a virtual terminal of that size, as the terminal shows it; trailing
     * blanks are cut and the unbreakable spaces that hold columns together read as spaces.
     */
    private static String paint(BundleReader capture, int columns, int rows) throws IOException {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        try {
            ThemeLoader themes = new ThemeLoader(null);
            ConsolePainter painter = new ConsolePainter(themes, "CAPTURE of " + capture.host().hostname(), "not live, 6 samples");
            ViewState view = new ViewState(themes.select(null, Map.of()).name(), false, Duration.ofSeconds(1));
            CaptureFrames frames = new CaptureFrames(capture, Thresholds.defaults());
            view.keymapMode(frames.mode());
            painter.paint(screen.newTextGraphics(), vt.getTerminalSize(), view, Optional.of(frames.next()));
            screen.refresh();
            return ScreenText.of(vt).replace('\u00a0', ' ').lines().map(String::stripTrailing)
                    .collect(Collectors.joining("\n", "", "\n"));
        } finally {
            screen.stopScreen();
        }
    }
}
