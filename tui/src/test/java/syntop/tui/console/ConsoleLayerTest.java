package syntop.tui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.BasicTextImage;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

import syntop.collectors.judge.JudgedTick;
import syntop.themes.Role;
import syntop.themes.ThemeLoader;
import syntop.tui.view.ViewState;
import syntop.widgets.Canvas;
import syntop.widgets.Region;

/** The console hands keys to its layer first (unless a filter is being typed) and draws the layer last. */
class ConsoleLayerTest {
    /** Takes 'x', and every key while "open"; draws "LAYER" at the top left. */
    static final class Recording implements ConsoleLayer {
        final List<KeyStroke> keys = new ArrayList<>();
        boolean open;
        Runnable redraw;

        @Override
        public boolean handle(KeyStroke key, Optional<JudgedTick> visible, ViewState view) {
            keys.add(key);
            if (key.getKeyType() == KeyType.Character && key.getCharacter() == 'x') {
                open = true;
                return true;
            }
            return open;
        }

        @Override
        public void draw(Canvas canvas, Region screen, ViewState view) {
            canvas.text(screen, 0, 0, "LAYER", Role.DIALOG);
        }

        @Override
        public void redrawWith(Runnable r) {
            redraw = r;
        }
    }

    @Test
    void keysGoToTheLayerFirstAndItDrawsOnTop() throws Exception {
        ViewState view = new ViewState("dark", false, Duration.ofSeconds(1));
        ConsolePainter painter = new ConsolePainter(new ThemeLoader(), "host");
        TerminalScreen screen = new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(120, 40)));
        Recording layer = new Recording();
        ConsoleLoop loop = new ConsoleLoop(screen, ConsoleLoop.of(() -> null), painter, view).layer(layer);
        assertTrue(layer.redraw != null, "the layer can ask for a redraw");

        loop.handle(new KeyStroke('s', false, false));
        assertEquals(ViewState.Sort.PORT, view.sort(), "a key the layer does not take is the console's");
        loop.handle(new KeyStroke('x', false, false));
        loop.handle(new KeyStroke('q', false, false));
        assertTrue(loop.running(), "while the layer is open, q is its key");
        loop.handle(new KeyStroke('/', false, false));
        assertTrue(view.filterDraft().isEmpty(), "the layer took / too");

        layer.open = false;
        loop.handle(new KeyStroke('/', false, false));
        int seen = layer.keys.size();
        loop.handle(new KeyStroke('8', false, false));
        assertEquals(seen, layer.keys.size(), "typing a filter never reaches the layer");
        assertEquals(Optional.of("8"), view.filterDraft());

        BasicTextImage image = new BasicTextImage(120, 40);
        painter.paint(image.newTextGraphics(), new TerminalSize(120, 40), view, Optional.empty());
        assertEquals("LAYER", row(image, 0).substring(0, 5));
    }

    private static String row(BasicTextImage image, int y) {
        return ScreenText.row(image, y);
    }
}
