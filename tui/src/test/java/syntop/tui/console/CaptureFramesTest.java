package syntop.tui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

import org.junit.jupiter.api.Test;

import syntop.collectors.bundle.BundleReader;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.JudgedTick;
import syntop.themes.ThemeLoader;
import syntop.tui.view.ViewState;

/** The console on the lab's capture bundle: a static frame, and a header that says it is a capture. */
class CaptureFramesTest {
    private static final Path BUNDLE = Path.of("../collectors/src/test/resources/fixtures/linux/6.18-lab-capture-synflood");

    @Test
    void showsTheLastSampleWithItsVerdictsAndSaysItIsNotLive() throws Exception {
        BundleReader capture = BundleReader.open(BUNDLE);
        CaptureFrames frames = new CaptureFrames(capture, Thresholds.defaults());
        JudgedTick f = frames.next();
        assertSame(f, frames.next(), "a capture does not change");
        assertEquals(6, f.history().ticks());
        assertTrue(f.verdicts().stream().anyMatch(v -> v.summary().startsWith("SYN flood on :8090")), f.verdicts().toString());

        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(120, 40));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        ThemeLoader themes = new ThemeLoader(null);
        ConsolePainter painter = new ConsolePainter(themes, "CAPTURE of " + capture.host().hostname(), "not live, 6 samples");
        ViewState view = new ViewState(themes.select(null, Map.of()).name(), true, Duration.ofSeconds(1));
        painter.paint(screen.newTextGraphics(), vt.getTerminalSize(), view, Optional.of(f));
        screen.refresh();
        StringBuilder header = new StringBuilder();
        for (int x = 0; x < 120; x++) {
            header.append(vt.getCharacter(x, 0).getCharacterString());
        }
        assertTrue(header.toString().startsWith("syntop  CAPTURE of host-"), header.toString());
        assertTrue(header.toString().contains("not live, 6 samples"), header.toString());
        screen.stopScreen();
    }
}
