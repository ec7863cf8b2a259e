package syntop.tui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.collectors.judge.JudgedTick;
import syntop.themes.ThemeLoader;
import syntop.tui.keys.Keymap;
import syntop.tui.view.ViewState;

/** The one key table: footer, help, the loop and README agree with it. */
class KeymapTest {

    @Test
    void at100ColumnsTheFooterShowsEveryActionKeyAndAt80KeepsHelpAndQuit() {
        String wide = Keymap.footer(Keymap.Mode.LIVE, 100);
        assertTrue(Keymap.footer(Keymap.Mode.LIVE, 100).length() <= 100, wide);
        for (String key : List.of("[p]", "[u]", "[d]", "[b]", "[B]", "[?]", "[q]", "[Tab]", "[s]")) {
            assertTrue(wide.contains(key), key + " in " + wide);
        }
        String narrow = Keymap.footer(Keymap.Mode.LIVE, 80);
        assertTrue(narrow.length() <= 80 && narrow.startsWith("[q]uit") && narrow.endsWith("[?]help"), narrow);
        String replay = Keymap.footer(Keymap.Mode.REPLAY, 120);
        assertTrue(replay.contains("[space]play") && replay.contains("[n]ext") && !replay.contains("[p]"), replay);
        assertTrue(Keymap.footer(Keymap.Mode.LIVE, 400).split(" ").length == Keymap.KEYS.stream()
                .filter(b -> b.modes().contains(Keymap.Mode.LIVE) && !b.footer().isEmpty()).count());
    }

    @Test
    void helpListsEveryKeyOfTheMode() {
        for (Keymap.Mode m : Keymap.Mode.values()) {
            List<String> shown = Keymap.help(m).stream().map(e -> e.key()).toList();
            Keymap.KEYS.stream().filter(b -> b.modes().contains(m)).forEach(b -> assertTrue(shown.contains(b.shown()), b.shown()));
        }
    }

    @Test
    void actionKeysInReplayAndOnACaptureSaySoInsteadOfDoingNothing() {
        for (Keymap.Mode m : List.of(Keymap.Mode.REPLAY, Keymap.Mode.CAPTURE)) {
            ViewState view = new ViewState("dark", false, Duration.ofSeconds(1));
            ConsoleLoop loop = new ConsoleLoop(null, new ConsoleLoop.FrameSource() {
                @Override
                public JudgedTick next() {
                    return Frames.labCapture(1);
                }

                @Override
                public void interval(Duration d) {
                }

                @Override
                public Keymap.Mode mode() {
                    return m;
                }
            }, new ConsolePainter(new ThemeLoader(null), "test"), view);
            for (char c : "pudbB".toCharArray()) {
                loop.handle(new KeyStroke(c, false, false));
                String said = view.notice().orElse("(nothing)");
                assertTrue(said.startsWith(c + ": not " + (m == Keymap.Mode.REPLAY ? "in replay" : "on a capture")), said);
            }
            loop.handle(new KeyStroke('s', false, false));
            assertFalse(view.notice().isPresent(), "the next key clears it");
        }
    }

    @Test
    void f1IsHelpAndF10QuitsAsInHtop() {
        ViewState view = new ViewState("dark", false, Duration.ofSeconds(1));
        ConsoleLoop loop = new ConsoleLoop(null, ConsoleLoop.of(() -> Frames.labCapture(1)),
                new ConsolePainter(new ThemeLoader(null), "test"), view);
        loop.handle(new KeyStroke(KeyType.F1));
        assertTrue(view.help());
        loop.handle(new KeyStroke(KeyType.F10));
        assertFalse(loop.running());
    }

    /** README's console key table, row for row: `keys` | what it does | modes. */
    @Test
    void readmeListsTheSameKeys() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String start = "<!-- keymap: generated from Keymap.KEYS; KeymapTest checks it -->";
        int from = readme.indexOf(start);
        assertTrue(from >= 0, "README has the key table");
        List<String> rows = readme.substring(from + start.length()).lines().dropWhile(String::isBlank)
                .takeWhile(l -> l.startsWith("|")).skip(2).toList();
        List<String> expected = new ArrayList<>();
        for (Keymap.Binding b : Keymap.KEYS) {
            String keys = List.of(b.shown().split(" ")).stream().map(k -> "`" + k + "`").collect(Collectors.joining(" "));
            String modes = b.modes().stream().map(m -> m.name().toLowerCase()).collect(Collectors.joining(", "));
            expected.add("| " + keys + " | " + b.help() + " | " + modes + " |");
        }
        assertEquals(String.join("\n", expected), String.join("\n", rows));
    }
}
