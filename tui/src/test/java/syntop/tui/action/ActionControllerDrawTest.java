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
import syntop.tui.console.ViewState;
import syntop.widgets.Canvas;
import syntop.widgets.Glyphs;
import syntop.widgets.Palette;
import syntop.widgets.Region;

/** The dialogs and the status line as they land on a screen, small and large. */
class ActionControllerDrawTest {
    @TempDir
    Path tmp;

    private static String screen(ActionController c, int w, int h) {
        BasicTextImage image = new BasicTextImage(w, h);
        Canvas canvas = new Canvas(image.newTextGraphics(), new Palette(new ThemeLoader().load("dark")), Glyphs.UNICODE);
        c.draw(canvas, new Region(0, 0, w, h), new ViewState("dark", false, Duration.ofSeconds(1)));
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                sb.append(image.getCharacterAt(x, y).getCharacterString());
            }
            sb.append('\n');
        }
        return sb.toString().replace('\u00a0', ' '); // columns are drawn with unbreakable spaces
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
}
