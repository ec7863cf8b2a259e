package syntop.tui.action;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.googlecode.lanterna.graphics.BasicTextImage;
import com.googlecode.lanterna.input.KeyStroke;

import syntop.collectors.action.Identity;
import syntop.themes.ThemeLoader;
import syntop.tui.console.ConsoleLayer;
import syntop.tui.console.ScreenText;
import syntop.tui.view.ViewState;
import syntop.widgets.Canvas;
import syntop.widgets.Glyphs;
import syntop.widgets.Palette;
import syntop.widgets.Region;

/** The dialogs and the status line as they land on a screen, small and large. */
class ActionControllerDrawTest {
    @TempDir
    Path tmp;

    static String screen(ConsoleLayer c, int w, int h) {
        BasicTextImage image = new BasicTextImage(w, h);
        Canvas canvas = new Canvas(image.newTextGraphics(), new Palette(new ThemeLoader().load("dark")), Glyphs.UNICODE);
        c.draw(canvas, new Region(0, 0, w, h), new ViewState("dark", false, Duration.ofSeconds(1)));
        return ScreenText.of(image).replace('\u00a0', ' '); // columns are drawn with unbreakable spaces
    }

    @Test
    void dialogsAndStatusDrawAtAnySize() {
        FakeMachine m = new FakeMachine(tmp);
        ActionController c = m.controller(Identity.of(0, "root"), false);
        ViewState view = new ViewState("dark", false, Duration.ofSeconds(1));
        c.handle(new KeyStroke('p', false, false), FakeMachine.frame(), view);
        String s = screen(c, 120, 40);
        assertTrue(s.contains("apply a sysctl profile") && s.contains("> syn-flood        built-in"), s);
        c.handle(new KeyStroke(com.googlecode.lanterna.input.KeyType.Enter), FakeMachine.frame(), view);
        String diff = screen(c, 120, 40);
        assertTrue(diff.matches("(?s).*net\\.ipv4\\.tcp_synack_retries   5        2            will change.*"), diff);
        for (int[] size : new int[][] {{60, 16}, {20, 5}, {1, 1}, {200, 60}}) {
            screen(c, size[0], size[1]); // must not throw
        }
        ActionController ro = m.controller(Identity.of(0, "root"), true);
        ro.handle(new KeyStroke('d', false, false), FakeMachine.frame(), view);
        String last = screen(ro, 100, 30).lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("read-only: syntop runs with --read-only"), last);
    }

    private static boolean press(ActionController c, KeyStroke k, java.util.Optional<syntop.collectors.judge.JudgedTick> f, ViewState v) {
        screen(c, 80, 24);
        return c.handle(k, f, v);
    }

    /** Every line of the plan is on screen at some scroll position of an 80x24 dialog, none cut. */
    private static String readAll(ActionController c, java.util.Optional<syntop.collectors.judge.JudgedTick> f, ViewState v) {
        StringBuilder seen = new StringBuilder(screen(c, 80, 24));
        for (int i = 0; i < 40; i++) {
            c.handle(new KeyStroke(com.googlecode.lanterna.input.KeyType.PageDown), f, v);
            seen.append(screen(c, 80, 24));
        }
        return seen.toString();
    }

    @Test
    void blockingTenSourcesAt80x24ShowsEveryCommandAndConfirmsOnlyOnceRead() {
        FakeMachine m = new FakeMachine(tmp);
        ActionController c = m.controller(Identity.of(0, "root"), false);
        ViewState view = new ViewState("dark", false, Duration.ofSeconds(1));
        java.util.Optional<syntop.collectors.judge.JudgedTick> flood = FakeMachine.wideFlood(10);
        press(c, new KeyStroke('b', false, false), flood, view);
        String first = screen(c, 80, 24);
        assertTrue(first.contains("more below") && first.contains("PgDn") && first.contains("[Y] confirm without reading"), first);
        press(c, new KeyStroke('y', false, false), flood, view);
        assertTrue(m.changes().isEmpty(), "y before the whole plan was on screen does nothing");
        assertTrue(c.statusText().orElse("").contains("Y: confirm without reading"), c.statusText().toString());
        String all = readAll(c, flood, view).replaceAll("[│ ]+\n", "\n");
        String plan = c.dialogText().orElseThrow();
        assertTrue(plan.lines().filter(l -> l.contains("2001:db8:")).count() >= 20, plan); // why, and one command each
        for (String line : plan.lines().filter(l -> l.startsWith("  nft") || l.contains("2001:db8:")).toList()) {
            for (String word : line.trim().split(" +")) {
                assertTrue(all.contains(word), "on screen at some point: " + word + " of " + line);
            }
        }
        assertTrue(!all.contains("…"), all);
        assertTrue(screen(c, 80, 24).contains("lines ") && !screen(c, 80, 24).contains("more below"), "at the end");
        press(c, new KeyStroke('y', false, false), flood, view);
        assertTrue(!m.changes().isEmpty(), "y once read blocks");
    }

    @Test
    void theSynFloodProfileAt80x24ScrollsReLaysOutOnResizeAndCanBeConfirmedUnread() {
        FakeMachine m = new FakeMachine(tmp);
        ActionController c = m.controller(Identity.of(0, "root"), false);
        ViewState view = new ViewState("dark", false, Duration.ofSeconds(1));
        press(c, new KeyStroke('p', false, false), FakeMachine.frame(), view);
        press(c, new KeyStroke(com.googlecode.lanterna.input.KeyType.Enter), FakeMachine.frame(), view);
        String full = screen(c, 80, 24);
        assertTrue(full.contains("previous values are saved first") && !full.contains("more below")
                && !full.contains("without reading"), "the whole diff fits at 80x24: " + full);
        c.handle(new KeyStroke(com.googlecode.lanterna.input.KeyType.Escape), FakeMachine.frame(), view);
        c.handle(new KeyStroke('p', false, false), FakeMachine.frame(), view);
        c.handle(new KeyStroke(com.googlecode.lanterna.input.KeyType.Enter), FakeMachine.frame(), view);
        String top = screen(c, 80, 9);
        assertTrue(top.contains("more below") && top.contains("[Y] confirm without reading"), top);
        c.handle(new KeyStroke('j', false, false), FakeMachine.frame(), view);
        assertTrue(screen(c, 80, 9).contains("lines 2-"), screen(c, 80, 9));
        c.handle(new KeyStroke('y', false, false), FakeMachine.frame(), view);
        assertTrue(m.changes().isEmpty(), "not read yet");
        String tall = screen(c, 160, 60);
        assertTrue(!tall.contains("more below") && tall.contains("previous values are saved first"), "the whole diff at 160x60: " + tall);
        c.handle(new KeyStroke('y', false, false), FakeMachine.frame(), view);
        assertTrue(!m.changes().isEmpty(), "seen in full once the window grew");

        FakeMachine m2 = new FakeMachine(tmp.resolve("unread"));
        ActionController unread = m2.controller(Identity.of(0, "root"), false);
        press(unread, new KeyStroke('p', false, false), FakeMachine.frame(), view);
        press(unread, new KeyStroke(com.googlecode.lanterna.input.KeyType.Enter), FakeMachine.frame(), view);
        press(unread, new KeyStroke('Y', false, false), FakeMachine.frame(), view);
        assertTrue(!m2.changes().isEmpty(), "Y confirms without reading");
    }
}
