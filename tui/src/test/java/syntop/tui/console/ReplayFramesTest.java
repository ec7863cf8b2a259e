package syntop.tui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.record.Recording;
import syntop.collectors.record.Replay;
import syntop.themes.ThemeLoader;
import syntop.tui.view.ViewState;

/** The replay console's keys and clock, on the shipped lab recording, with a clock the test moves. */
class ReplayFramesTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private Replay replay;
    private ReplayFrames frames;

    @BeforeEach
    void open() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/syntop/demo/lab-synflood.syntop")) {
            replay = new Replay(List.of(Recording.of("demo", in)), Thresholds.defaults());
        }
        frames = new ReplayFrames(replay, false, now::get);
    }

    private void later(double seconds) {
        now.addAndGet(Math.round(seconds * 1e9));
    }

    private static KeyStroke key(char c) {
        return new KeyStroke(c, false, false);
    }

    @Test
    void playsAtTheRecordedPaceTimesTheSpeed() {
        frames.next();
        assertEquals(0, frames.index());
        later(1.5);
        frames.next();
        assertEquals(1, frames.index(), "x1: one recorded second per second");
        assertTrue(frames.key(key('2')));
        later(1);
        frames.next();
        assertTrue(frames.index() >= 10 && frames.index() <= 12, "x10: " + frames.index());
        assertTrue(frames.key(key('>')));
        assertEquals(60, frames.speed());
        later(10);
        frames.next();
        assertEquals(replay.size() - 1, frames.index(), "x60 reaches the end and stops there");
        String mode = frames.mode(false);
        assertTrue(mode.startsWith("REPLAY 20") && mode.contains("x60") && mode.endsWith("end of recording"), mode);
        later(30);
        frames.next();
        assertEquals(replay.size() - 1, frames.index(), "no loop unless asked");
        assertTrue(frames.key(key('<')));
        assertTrue(frames.key(key('1')));
        assertEquals(1, frames.speed());
    }

    @Test
    void pauseAndStep() {
        frames.next();
        assertTrue(frames.key(key(' ')));
        assertTrue(frames.paused());
        later(5);
        JudgedTick same = frames.next();
        assertEquals(0, frames.index());
        assertTrue(frames.mode(false).endsWith("PAUSED"), frames.mode(false));
        assertTrue(frames.key(key('.')));
        assertEquals(1, frames.index());
        assertNotSame(same, frames.current());
        assertTrue(frames.key(new KeyStroke(KeyType.ArrowRight)));
        assertTrue(frames.key(new KeyStroke(KeyType.ArrowRight)));
        assertEquals(3, frames.index());
        assertTrue(frames.key(key(',')));
        assertTrue(frames.key(new KeyStroke(KeyType.ArrowLeft)));
        assertEquals(1, frames.index());
        assertEquals(replay.seek(1).snapshot(), frames.current().snapshot(), "stepping back shows that tick");
        assertTrue(frames.key(key(',')));
        assertTrue(frames.key(key(',')));
        assertEquals(0, frames.index(), "not before the first tick");
        assertTrue(frames.key(new KeyStroke(KeyType.End)));
        assertEquals(replay.size() - 1, frames.index());
        assertTrue(frames.key(new KeyStroke(KeyType.Home)));
        assertEquals(0, frames.index());
        assertTrue(frames.key(key(' ')));
        assertFalse(frames.paused());
        later(1.5);
        frames.next();
        assertEquals(1, frames.index(), "plays on from where it was");
    }

    @Test
    void jumpsToVerdicts() {
        frames.next();
        assertTrue(frames.key(key('v')));
        int first = frames.index();
        assertEquals(replay.firstVerdict().getAsInt(), first);
        assertFalse(frames.current().verdicts().isEmpty());
        assertTrue(frames.current().verdicts().get(0).summary().startsWith("SYN flood on :8080"));
        assertTrue(frames.paused(), "a jump pauses, to read the verdict");
        for (int k = 0; k < 10 && frames.current().verdicts().stream()
                .noneMatch(v -> v.summary().startsWith("accept queue full on :8081")); k++) {
            assertTrue(frames.key(key('n')));
        }
        assertTrue(frames.current().verdicts().stream().anyMatch(v -> v.summary().startsWith("accept queue full on :8081")));
        assertTrue(frames.key(new KeyStroke(KeyType.End)));
        assertTrue(frames.key(key('n')));
        assertTrue(frames.mode(true).contains("no verdict starts after this tick"), frames.mode(true));
    }

    @Test
    void loopsWhenAsked() {
        ReplayFrames demo = new ReplayFrames(replay, true, now::get);
        demo.next();
        demo.key(key('3'));
        later(10);
        demo.next();
        assertEquals(replay.size() - 1, demo.index());
        assertTrue(demo.mode(false).endsWith("end of recording, starting again"), demo.mode(false));
        later(1);
        demo.next();
        later(5);
        demo.next();
        assertEquals(0, demo.index(), "starts again a few seconds after the end");
    }

    @Test
    void leavesOtherKeysToTheConsole() {
        for (char c : "qstap dbuBjk/?h+-".toCharArray()) {
            if (c != ' ') {
                assertFalse(frames.key(key(c)), "key " + c);
            }
        }
        assertFalse(frames.key(new KeyStroke(KeyType.Tab)));
        assertFalse(frames.key(new KeyStroke(KeyType.ArrowUp)));
        assertFalse(frames.key(new KeyStroke('c', true, false)), "Ctrl-C");
    }

    @Test
    void theConsoleOffersKeysToTheReplayAndTheHeaderSaysReplay() throws Exception {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(120, 40));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        ThemeLoader themes = new ThemeLoader(null);
        ConsolePainter painter = new ConsolePainter(themes, "lab");
        ViewState view = new ViewState(themes.select(null, java.util.Map.of()).name(), true, Duration.ofSeconds(1));
        ConsoleLoop loop = new ConsoleLoop(screen, frames, frames, painter, view);
        frames.next();
        loop.handle(key('.'));
        assertSame(frames.current(), loop.latest(), "the key moved the replay, and the console shows it");
        assertEquals(1, frames.index());
        loop.handle(key('s'));
        assertEquals(ViewState.Sort.PORT, view.sort(), "the console's own keys still work");
        view.modeLabel(frames.mode(view.paused()));
        painter.paint(screen.newTextGraphics(), screen.getTerminalSize(), view, Optional.of(loop.latest()));
        StringBuilder header = new StringBuilder();
        StringBuilder footer = new StringBuilder();
        for (int x = 0; x < 120; x++) {
            header.append(screen.getBackCharacter(x, 0).getCharacterString());
            footer.append(screen.getBackCharacter(x, 39).getCharacterString());
        }
        assertTrue(header.toString().contains("REPLAY 20"), header.toString());
        assertTrue(header.toString().contains("x1  2/" + replay.size()), header.toString());
        assertTrue(footer.toString().contains("[,.]step"), footer.toString());
        loop.handle(key('q'));
        assertFalse(loop.running());
        screen.stopScreen();
    }
}
