package syntop.tui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.TcpState;
import syntop.themes.ThemeLoader;
import syntop.tui.config.Preferences;
import syntop.tui.view.Panel;
import syntop.tui.view.ViewState;

class ConsoleLoopTest {
    private final List<Duration> intervals = new ArrayList<>();
    private final ViewState view = new ViewState("dark", false, Duration.ofSeconds(1));
    private final ConsoleLoop loop = new ConsoleLoop(null, new ConsoleLoop.FrameSource() {
        @Override
        public JudgedTick next() {
            return Frames.labCapture(1);
        }

        @Override
        public void interval(Duration d) {
            intervals.add(d);
        }
    }, new ConsolePainter(new ThemeLoader(null), "test"), view);

    private void type(char... keys) {
        for (char k : keys) {
            loop.handle(new KeyStroke(k, false, false));
        }
    }

    @Test
    void qQuitsAndSoDoesCtrlC() {
        assertTrue(loop.running());
        type('q');
        assertFalse(loop.running());
        ConsoleLoop other = new ConsoleLoop(null, null, new ConsolePainter(new ThemeLoader(null), "t"), view);
        other.handle(new KeyStroke('c', true, false));
        assertFalse(other.running());
    }

    @Test
    void changingThemeDelaySortAndGlyphsWritesThemToTheFileAndKeepsTheRest(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("syntop.conf");
        Files.writeString(f, "# mine\naudit_log = /tmp/a.log\ndelay = 3\n");
        loop.preferences(new Preferences.File(f));
        type('t', '+', 's', 'a');
        assertEquals("# mine\naudit_log = /tmp/a.log\ndelay = 2\ntheme = light\nsort = port\nascii = yes\n",
                Files.readString(f));
        type('-', '-');
        assertEquals(Optional.of(Duration.ofMillis(500)), new Preferences.File(f).read().delay());
        assertTrue(view.notice().isEmpty());
    }

    @Test
    void aPreferencesFileThatCannotBeWrittenSaysSoInTheNoticeLine(@TempDir Path dir) throws Exception {
        Path f = Files.createDirectories(dir.resolve("syntop.conf"));
        loop.preferences(new Preferences.File(f));
        type('t');
        assertEquals("light", view.themeName(), "the change itself still happens");
        assertTrue(view.notice().orElseThrow().startsWith("preferences not saved to " + f), view.notice().toString());
        assertTrue(loop.running());
    }

    @Test
    void tSaysWhichThemeIsOn() {
        type('t');
        assertEquals("light", view.themeName());
        assertEquals("theme: light (2 of 4)", view.flash().orElseThrow());
        assertFalse(view.flashWarns());
        type('t', 't', 't');
        assertEquals("theme: dark (1 of 4)", view.flash().orElseThrow(), "round to the first again");
    }

    @Test
    void plusAndMinusStepTheIntervalAndTellTheSampler() {
        type('+', '+', '-');
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(2)), intervals);
        assertEquals(Duration.ofSeconds(2), view.interval());
        for (int i = 0; i < 10; i++) {
            type('-');
        }
        assertEquals(Duration.ofMillis(500), view.interval(), "never below half a second");
    }

    @Test
    void slashStartsAFilterThatOnlyTakesAddressCharacters() {
        type('/', '1', '0', '.', '9', ';', '$', ' ');
        assertEquals("10.9", view.filterDraft().orElseThrow());
        loop.handle(new KeyStroke(KeyType.Backspace));
        loop.handle(new KeyStroke(KeyType.Enter));
        assertEquals("10.", view.filter());
        assertTrue(view.filterDraft().isEmpty());
        type('q');
        assertFalse(loop.running(), "keys work normally after the filter is applied");
    }

    @Test
    void escapeCancelsAFilterAndClosesHelp() {
        type('/', '8');
        loop.handle(new KeyStroke(KeyType.Escape));
        assertEquals("", view.filter());
        type('?');
        assertTrue(view.help());
        loop.handle(new KeyStroke(KeyType.Escape));
        assertFalse(view.help());
    }

    @Test
    void tabMovesFocusAndArrowsSelect() {
        assertEquals(Panel.LISTEN, view.focus());
        loop.handle(new KeyStroke(KeyType.Tab));
        assertEquals(Panel.DEFENCES, view.focus());
        loop.handle(new KeyStroke(KeyType.ArrowDown));
        type('j', 'j', 'k');
        assertEquals(2, view.selection(Panel.DEFENCES));
        type('s');
        assertEquals(ViewState.Sort.PORT, view.sort());
        type('t');
        assertEquals("light", view.themeName());
        type('a');
        assertTrue(view.ascii());
    }

    @Test
    void eofFromTheTerminalQuits() {
        loop.handle(new KeyStroke(KeyType.EOF));
        assertFalse(loop.running());
    }

    @Test
    void reopeningTheFilterSelectsTheOldTextSoTypingReplacesIt() {
        type('/', '8', '0', '8', '0');
        loop.handle(new KeyStroke(KeyType.Enter));
        assertEquals("8080", view.filter());
        type('/');
        assertTrue(view.filterSelected());
        type('2', '2');
        assertEquals("22", view.filterDraft().orElse(""), "typed text replaces the old filter");
    }

    @Test
    void tabAndJkActOnPanelsOnScreenAndSortSkipsPortOnTopRemotes() {
        view.shownPanels(java.util.EnumSet.of(Panel.STATES, Panel.LISTEN));
        loop.handle(new KeyStroke(KeyType.Tab));
        assertEquals(Panel.STATES, view.focus(), "Listen -> States at 80 columns, not a hidden panel");
        type('j', 'j');
        assertEquals(2, view.selection(Panel.STATES));
        view.shownPanels(java.util.EnumSet.allOf(Panel.class));
        while (view.focus() != Panel.REMOTES) {
            loop.handle(new KeyStroke(KeyType.Tab));
        }
        List<ViewState.Sort> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            type('s');
            seen.add(view.sort().on(Panel.REMOTES));
        }
        assertFalse(seen.contains(ViewState.Sort.PORT), seen.toString());
        assertEquals(List.of(ViewState.Sort.NAME, ViewState.Sort.FULLEST, ViewState.Sort.NAME, ViewState.Sort.FULLEST), seen);
    }

    @Test
    void enterOpensTheDetailsOfTheSelectedListenerAndEveryVerdictsEvidence() {
        JudgedTick lab = Frames.labCapture(6);
        assertFalse(lab.verdicts().isEmpty(), "the lab capture holds a flood");
        loop.handle(new KeyStroke(KeyType.Enter));
        assertTrue(view.details());
        List<String> lines = Details.lines(lab, view);
        for (syntop.collectors.detect.Verdict v : lab.verdicts()) {
            assertTrue(lines.contains("  evidence: " + v.evidence()), lines.toString());
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  accept queue: ")) && lines.stream().anyMatch(l -> l.startsWith("  limit")),
                lines.toString());
        type('j');
        assertEquals(1, view.detailsFirst(), "j scrolls the details, not the panel");
        loop.handle(new KeyStroke(KeyType.Escape));
        assertFalse(view.details());
        while (view.focus() != Panel.DEFENCES) {
            loop.handle(new KeyStroke(KeyType.Tab));
        }
        assertTrue(Details.lines(lab, view).stream().anyMatch(l -> l.contains("syncookies sent")), Details.lines(lab, view).toString());
    }
    @Test
    void eExplainsTheSelectedRowWithTheKnowledgeOfSyntopExplainAndTheVerdictLine() {
        JudgedTick lab = Frames.labCapture(6);
        type('e');
        assertTrue(view.explain());
        List<String> listener = Explain.lines(lab, view);
        assertTrue(listener.contains("listen  (state)") && listener.contains("net.core.somaxconn  (tunable)")
                && listener.contains("net.ipv4.tcp_max_syn_backlog  (tunable)"), listener.toString());
        for (syntop.collectors.detect.Verdict v : lab.verdicts()) {
            assertTrue(listener.contains(v.kind().label() + "  (verdict)"), listener.toString());
        }
        assertTrue(listener.contains("  live:      " + lab.snapshot().tunable("net.core.somaxconn").orElseThrow()
                + " in this sample"), "a tunable shows the value the sample read: " + listener);
        type('j');
        assertEquals(1, view.detailsFirst(), "j scrolls the explanation, not the panel");
        type('e');
        assertFalse(view.explain(), "e closes it again");
        while (view.focus() != Panel.STATES) {
            loop.handle(new KeyStroke(KeyType.Tab));
        }
        type('j');
        List<String> state = Explain.lines(lab, view);
        assertEquals(TcpState.values()[1].label() + "  (state)", state.get(0), state.toString());
        while (view.focus() != Panel.DEFENCES) {
            loop.handle(new KeyStroke(KeyType.Tab));
        }
        List<String> defences = Explain.lines(lab, view);
        assertTrue(defences.contains("syncookies_sent  (counter)") && defences.contains("net.ipv4.tcp_syncookies  (tunable)"),
                defences.toString());
        loop.handle(new KeyStroke(KeyType.Escape));
    }
}
