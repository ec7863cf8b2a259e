package syntop.tui.action;

import java.util.List;
import java.util.Optional;

import com.googlecode.lanterna.input.KeyStroke;

import syntop.tui.console.ConsoleLayer;
import syntop.collectors.judge.JudgedTick;
import syntop.tui.view.ViewState;
import syntop.widgets.Canvas;
import syntop.widgets.Region;

/** Several layers over the console as one: the first that takes a key has it; each draws, the first on top. */
public final class StackedLayers implements ConsoleLayer {
    private final List<ConsoleLayer> layers;

    public StackedLayers(ConsoleLayer... layers) {
        this.layers = List.of(layers);
    }

    @Override
    public boolean handle(KeyStroke key, Optional<JudgedTick> visible, ViewState view) {
        for (ConsoleLayer l : layers) {
            if (l.handle(key, visible, view)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void draw(Canvas canvas, Region screen, ViewState view) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            layers.get(i).draw(canvas, screen, view);
        }
    }

    @Override
    public void redrawWith(Runnable redraw) {
        layers.forEach(l -> l.redrawWith(redraw));
    }
}
