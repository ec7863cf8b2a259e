package syntop.tui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.BasicTextImage;
import com.googlecode.lanterna.graphics.TextImage;

import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.ProcessOwner;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.ListenQueue;
import syntop.tui.view.Panel;
import syntop.tui.view.ViewState;
import syntop.widgets.Canvas;
import syntop.widgets.Glyphs;
import syntop.widgets.Palette;
import syntop.widgets.Region;
import syntop.themes.ThemeLoader;

class ConsolePainterTest {
    private static final JudgedTick LAB = Frames.labCapture(6);
    private final ConsolePainter painter = new ConsolePainter(new ThemeLoader(null), "lab");

    private static String screen(TextImage img) {
        return ScreenText.of(img);
    }

    private TextImage render(int cols, int rows, ViewState v, Optional<JudgedTick> f) {
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
    void theFirstSampleSaysItIsJudgingAndWhatItSeesNeverAllQuiet() {
        String s = screen(render(120, 40, view(), Optional.of(Frames.labCapture(1))));
        int row = rowOf(s, "judging — 0 of 5 samples");
        assertTrue(row == 2, s);
        assertTrue(s.split("\n")[row].contains("accept queue of :8081 at its limit (17/16)"), s);
        assertFalse(s.contains("all quiet"), s);
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

    /** The lab frame with each listener owned as ss -ltnp named the owner in a capture of this project. */
    private static JudgedTick owned(JudgedTick f) {
        return owned(f, ProcessOwner.of(1534, "python3"));
    }

    private static JudgedTick owned(JudgedTick f, ProcessOwner owner) {
        Snapshot s = f.snapshot();
        List<ListenQueue> queues = s.listeners().stream().map(q -> q.withProcess(owner)).toList();
        Snapshot o = new Snapshot(s.at(), s.monoNanos(), s.host(), s.sources(), s.states(), s.counters(), queues, s.remotes(),
                s.tunables(), s.kernelEvents());
        return new JudgedTick(f.sample(), o, f.verdicts(), f.judgement(), f.history());
    }

    @Test
    void listenersShowTheirProcessWhereItFitsWholeAndNeverAtTheAddressesCost() {
        String wide = screen(render(120, 40, view(), Optional.of(owned(LAB))));
        assertTrue(wide.contains(":8081 10.99.0.2 python3[1534]"), wide);
        String narrow = screen(render(80, 24, view(), Optional.of(owned(LAB))));
        assertTrue(narrow.contains(":8081 10.99.0.2") && !narrow.contains("python3"),
                "at 80 columns the numbers need the room: " + narrow);
    }

    @Test
    void theUserFollowsTheProcessWhereItFitsAndAnUnreadableOneIsSaidSo() {
        String wide = screen(render(160, 40, view(), Optional.of(owned(LAB, ProcessOwner.of(1534, "python3", "nobody")))));
        assertTrue(wide.contains(":8081 10.99.0.2 python3[1534] nobody"), wide);
        String middle = screen(render(120, 40, view(), Optional.of(owned(LAB, ProcessOwner.of(1534, "python3", "nobody")))));
        assertTrue(middle.contains(":8081 10.99.0.2 python3[1534] ") && !middle.contains("nobody"),
                "at 120 columns the process fits, its user does not: " + middle);
        String unreadable = screen(render(160, 40, view(), Optional.of(owned(LAB,
                ProcessOwner.withUnreadableUser(1534, "python3", "/proc/1534/status not read")))));
        assertTrue(unreadable.contains(":8081 10.99.0.2 python3[1534] user unreadable"), unreadable);
        String narrow = screen(render(80, 24, view(), Optional.of(owned(LAB, ProcessOwner.of(1534, "python3", "nobody")))));
        assertTrue(!narrow.contains("nobody") && !narrow.contains("python3"), "no room at 80 columns: " + narrow);
    }

    @Test
    void theDetailsOfAListenerNameItsProcessAndItsUserOrWhyNot() {
        ViewState v = view();
        while (v.focus() != Panel.LISTEN) {
            v.focusNext();
        }
        assertTrue(Details.lines(owned(LAB, ProcessOwner.of(1534, "python3", "nobody")), v)
                .contains("  process: python3, pid 1534, user nobody"));
        assertTrue(Details.lines(owned(LAB, ProcessOwner.withUnreadableUser(1534, "python3", "/proc/1534/status not read")), v)
                .contains("  process: python3, pid 1534, user unreadable (/proc/1534/status not read)"));
        assertTrue(Details.lines(owned(LAB, ProcessOwner.notVisible()), v)
                .contains("  process: " + ProcessOwner.NOT_VISIBLE));
    }

    @Test
    void eExplainsTheSelectedListenerInAScrollableOverlay() {
        ViewState v = view();
        v.toggleExplain();
        String s = screen(render(120, 40, v, Optional.of(LAB)));
        assertTrue(s.contains("─ explain ") && s.contains("net.core.somaxconn (tunable)") && s.contains("more below"), s);
        v.detailsFirst(Integer.MAX_VALUE / 2);
        String end = screen(render(80, 24, v, Optional.of(LAB)));
        assertTrue(!end.contains("more below") && !end.contains("net.core.somaxconn (tunable)") && end.contains("source:"),
                "scrolled to the end, the last entry's sources show: " + end);
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
    void escapesFromOutsideAreShownAsTextNeverSentToTheTerminal() {
        String evil = "\u001b]0;owned\u0007\u001b[2J\u009b31m";
        Snapshot s = LAB.snapshot();
        Map<String, SourceStatus> sources = new LinkedHashMap<>(s.sources());
        sources.put("proc-net-snmp", new SourceStatus("proc-net-snmp", SourceHealth.UNPARSED, "bad " + evil,
                Duration.ZERO, Duration.ofSeconds(1), false));
        Snapshot bad = new Snapshot(s.at(), s.monoNanos(), new HostInfo("h", OsFamily.LINUX, "Linux " + evil), sources,
                s.states(), s.counters(), s.listeners(), s.remotes(), s.tunables());
        ConsolePainter p = new ConsolePainter(new ThemeLoader(null), "web" + evil);
        BasicTextImage img = new BasicTextImage(new TerminalSize(160, 50));
        p.paint(img.newTextGraphics(), img.getSize(), view(), Optional.of(new JudgedTick(LAB.sample(), bad, LAB.verdicts(), LAB.judgement(), LAB.history())));
        String screen = screen(img);
        assertTrue(screen.chars().noneMatch(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f), screen);
        assertTrue(screen.contains("web\\x1b]0;owned\\x07"), "the header shows the host's escapes:\n" + screen);
        assertTrue(screen.contains("bad \\x1b]0;owned"), "SYN defences shows the source's escapes:\n" + screen);
    }

    @Test
    void aFlashLineTakesTheFooterForAFewSecondsAndShowsAThemesWarnings(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("mine.theme"), "header = bold\nfg = red\nnot a line\n");
        ConsolePainter p = new ConsolePainter(new ThemeLoader(dir), "lab");
        String notice = p.themeNotice("mine");
        assertTrue(notice.startsWith("theme: mine (5 of 5): 2 warnings, "), notice);
        assertTrue(notice.contains("mine.theme:2: unknown key 'fg' ignored; …"), notice);
        java.time.Instant[] now = {java.time.Instant.parse("2026-11-25T01:00:00Z")};
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now[0];
            }
        };
        ViewState v = new ViewState("mine", false, Duration.ofSeconds(1), clock);
        v.flash(notice, true);
        BasicTextImage img = new BasicTextImage(new TerminalSize(120, 40));
        p.paint(img.newTextGraphics(), img.getSize(), v, Optional.of(LAB));
        String footer = screen(img).lines().reduce((a, b) -> b).orElse("");
        assertTrue(footer.startsWith("theme: mine (5 of 5): 2 warnings"), footer);
        now[0] = now[0].plus(ViewState.FLASH_FOR);
        p.paint(img.newTextGraphics(), img.getSize(), v, Optional.of(LAB));
        footer = screen(img).lines().reduce((a, b) -> b).orElse("");
        assertTrue(footer.startsWith("[q]uit"), "the keys again after a few seconds: " + footer);
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

    private static String defences(int cols, int rows) {
        return screen(defences(cols, rows, LAB));
    }

    private static final Palette DARK = new Palette(new ThemeLoader(null).load("dark"));

    private static TextImage defences(int cols, int rows, JudgedTick frame) {
        BasicTextImage img = new BasicTextImage(new TerminalSize(cols, rows));
        Canvas c = new Canvas(img.newTextGraphics(), DARK, Glyphs.UNICODE);
        syntop.tui.view.DefencesPanel.draw(c, new Region(0, 0, cols, rows), frame);
        return img;
    }

    /** Synthetic FreeBSD counters: 500 new connections a second, each entered in the syncache and cookied. */
    private static Snapshot freeBsd(int second, long connections, long overflows) {
        syntop.collectors.model.Counters counters = syntop.collectors.model.Counters.builder()
                .put(syntop.collectors.model.CounterId.SYNCOOKIES_SENT, connections)
                .put(syntop.collectors.model.CounterId.SYNCACHE_ADDED, connections)
                .put(syntop.collectors.model.CounterId.LISTEN_OVERFLOWS, overflows).build();
        return new Snapshot(java.time.Instant.parse("2026-11-25T01:00:00Z").plusSeconds(second), second * 1_000_000_000L,
                new HostInfo("bsd", OsFamily.FREEBSD, "FreeBSD 14.1"), Map.of(), syntop.collectors.model.StateCounts.empty(),
                counters, List.of(), Map.of(), Map.of("net.inet.tcp.syncookies", "1"));
    }

    @Test
    void freeBsdCookiesInEverySynAckAreNotShownAsAWarning() {
        syntop.collectors.judge.Judge judge = new syntop.collectors.judge.Judge(syntop.collectors.detect.Thresholds.defaults());
        judge.add(freeBsd(0, 1000, 0));
        TextImage img = defences(120, 20, judge.add(freeBsd(1, 1500, 10)));
        String s = screen(img);
        assertTrue(s.contains("syncookies in every SYN-ACK, used when the syncache cannot hold a SYN  "
                + "(net.inet.tcp.syncookies = 1)"), s);
        TextColor warn = DARK.foreground(syntop.themes.Role.WARN);
        List<String> lines = s.lines().toList();
        for (int y = 0; y < lines.size(); y++) {
            String label = lines.get(y);
            // the value column ends at 36; the rate column at 45
            TextColor value = img.getCharacterAt(35, y).getForegroundColor();
            TextColor rate = img.getCharacterAt(44, y).getForegroundColor();
            if (label.startsWith("syncookies sent") || label.startsWith("syncache added")) {
                assertFalse(warn.equals(value) || warn.equals(rate), "rising with every connection is no warning: " + label);
            } else if (label.startsWith("listen overflows")) {
                assertEquals(warn, value, label);
            }
        }
        assertTrue(s.contains("syncookies sent") && s.contains("syncache added") && s.contains("listen overflows"), s);
    }

    @Test
    void theDefencesPanelCountsTheRowsItHidesAndMarksCutText() {
        long all = defences(120, 100).lines().filter(l -> !l.isBlank()).count();
        assertTrue(all > 6, defences(120, 100));
        List<String> few = defences(120, 5).lines().toList();
        assertEquals("+" + (all - 4) + " more", few.get(4).strip(), String.join("\n", few));
        String narrow = defences(40, 100);
        String cookies = narrow.lines().filter(l -> l.startsWith("syncookies ") && !l.startsWith("syncookies sent")
                && !l.startsWith("syncookies received") && !l.startsWith("syncookies failed")).findFirst().orElseThrow();
        assertTrue(cookies.strip().endsWith("…"), "cut with a mark: " + cookies);
    }

    @Test
    void addressesAreNeverCutAt80Columns() {
        String s = screen(render(80, 24, view(), Optional.of(LAB)));
        for (ListenQueue q : LAB.snapshot().listeners()) {
            assertTrue(s.contains(":" + q.port() + " " + q.localAddress() + " "), q + " whole in " + s);
        }
    }

    @Test
    void hiddenSourceChipsAreCounted() {
        String s = screen(render(80, 24, view(), Optional.of(LAB)));
        String chips = s.lines().skip(1).findFirst().orElse("");
        int sources = LAB.snapshot().sources().size();
        int drawn = chips.split("\\[ ", -1).length - 1;
        assertTrue(drawn == sources || chips.matches(".*\\+" + (sources - drawn) + " …\\s*"), sources + " sources: " + chips);
    }
}
