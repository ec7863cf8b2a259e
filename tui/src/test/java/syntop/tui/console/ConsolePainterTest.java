package syntop.tui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.BasicTextImage;
import com.googlecode.lanterna.graphics.TextImage;

import syntop.themes.ThemeLoader;

class ConsolePainterTest {
    private static final Frame LAB = Frames.labCapture(6);
    private final ConsolePainter painter = new ConsolePainter(new ThemeLoader(null), "lab");

    private static String screen(TextImage img) {
        StringBuilder b = new StringBuilder();
        for (int y = 0; y < img.getSize().getRows(); y++) {
            for (int x = 0; x < img.getSize().getColumns(); x++) {
                b.append(img.getCharacterAt(x, y).getCharacterString());
            }
            b.append('\n');
        }
        return b.toString();
    }

    private TextImage render(int cols, int rows, ViewState v, Optional<Frame> f) {
        BasicTextImage img = new BasicTextImage(new TerminalSize(cols, rows));
        painter.paint(img.newTextGraphics(), img.getSize(), v, f);
        return img;
    }

    private static ViewState view() {
        return new ViewState("dark", false, Duration.ofSeconds(1));
    }

    private static int rowOf(String screen, String text) {
        String[] lines = screen.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aBigTerminalShowsEveryPanelWithTheCapturedNumbers() {
        String s = screen(render(120, 40, view(), Optional.of(LAB)));
        assertTrue(s.contains("States") && s.contains("Listen queues") && s.contains("SYN defences")
                && s.contains("Top remotes"), s);
        assertTrue(s.lines().anyMatch(l -> l.contains("SYN_RCVD") && l.contains("129")), s);
        assertTrue(s.contains(":8081 10.99.0.2") && s.contains("acc 17 syn 0 / 16"), s);
        assertTrue(s.contains(":8080 10.99.0.2") && s.contains("syn 129 / 128"), s);
        assertTrue(s.contains("10.99.0.1") && s.contains("SYN_RCVD"), s);
        assertTrue(s.contains("syncookies on when the SYN queue overflows"), s);
        assertTrue(s.contains("syn queue full drops"), s);
        assertTrue(rowOf(s, ":8081") < rowOf(s, ":8080"), "fullest first: 17/16 before 129/128\n" + s);
        assertTrue(s.contains("port budget 471/s per destination ("),
                "the port budget line in SYN defences\n" + s);
    }

    @Test
    void theVerdictLineNamesTheFullAcceptQueueInCriticalColours() {
        TextImage img = render(120, 40, view(), Optional.of(LAB));
        String s = screen(img);
        int row = rowOf(s, "accept queue full on :8081");
        assertTrue(row == 2, s);
        TextColor bg = img.getCharacterAt(0, row).getBackgroundColor();
        assertFalse(bg.equals(TextColor.ANSI.DEFAULT), "verdicts are drawn on a coloured band");
    }

    @Test
    void eightyByTwentyFourShowsVerdictStatesAndFullestQueues() {
        String s = screen(render(80, 24, view(), Optional.of(LAB)));
        assertTrue(s.contains("States") && s.contains("Listen queues"), s);
        assertFalse(s.contains("SYN defences"), s);
        assertTrue(s.contains("accept queue full"), s);
        assertTrue(s.contains("TIME_WAIT"), "all eleven states fit\n" + s);
        assertTrue(s.contains(":8081"), s);
    }

    @Test
    void theFooterDropsWholeHintsAndKeepsHelpWhenNarrow() {
        String s = screen(render(80, 24, view(), Optional.of(LAB)));
        String footer = s.lines().reduce((a, b) -> b).orElse("").strip();
        assertTrue(footer.endsWith("[?]help"), footer);
        assertTrue(footer.startsWith("[q]uit [space]pause"), footer);
        for (String hint : footer.split(" ")) {
            assertTrue(hint.matches("\\[[^]]+][a-z]*"), "a hint cut in two: " + hint + " in " + footer);
        }
        assertEquals(ConsolePainter.fitHints("[a]b [c]d", 80), "[a]b [c]d");
    }

    @Test
    void tooSmallSaysSoOnOneLine() {
        String s = screen(render(40, 10, view(), Optional.of(LAB)));
        assertTrue(s.startsWith("too small (40x10): syntop needs 60x16"), s);
        assertEquals(1, s.lines().filter(l -> !l.isBlank()).count());
    }

    @Test
    void asciiModeUsesNoBlockOrBoxGlyphs() {
        ViewState v = view();
        v.toggleAscii();
        String s = screen(render(120, 40, v, Optional.of(LAB)));
        assertTrue(s.chars().allMatch(ch -> ch < 128), "non-ASCII glyph on screen:\n" + s);
        assertTrue(s.contains("SYN_RCVD"), s);
    }

    @Test
    void helpOverlayListsTheKeys() {
        ViewState v = view();
        v.toggleHelp();
        String s = screen(render(120, 40, v, Optional.of(LAB)));
        assertTrue(s.contains("pause: freeze the view") && s.contains("filter by port or address"), s);
    }

    @Test
    void filterKeepsOnlyMatchingListenersAndRemotes() {
        ViewState v = view();
        v.startFilter();
        v.editFilter("8080");
        v.commitFilter();
        String s = screen(render(120, 40, v, Optional.of(LAB)));
        assertTrue(s.contains(":8080 10.99.0.2") && !s.contains(":8081 10.99.0.2"), s);
        assertTrue(s.contains("/8080"), "the active filter is shown\n" + s);
    }

    @Test
    void beforeTheFirstSampleItSaysSo() {
        String s = screen(render(100, 30, view(), Optional.empty()));
        assertTrue(s.contains("collecting the first sample"), s);
    }

    @Test
    void pausedIsShownInTheHeader() {
        ViewState v = view();
        v.togglePause(LAB);
        String s = screen(render(100, 30, v, v.visible(null)));
        assertTrue(s.lines().findFirst().orElse("").contains("PAUSED"), s);
        assertTrue(s.contains("SYN_RCVD"), "the frozen frame is still drawn\n" + s);
    }
}
