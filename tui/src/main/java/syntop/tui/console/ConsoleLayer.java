package syntop.tui.console;

import java.util.Optional;

import com.googlecode.lanterna.input.KeyStroke;

import syntop.collectors.judge.JudgedTick;
import syntop.tui.view.ViewState;
import syntop.widgets.Canvas;
import syntop.widgets.Region;

/**
 * Something over the console that takes keys before the console does and draws on top of it:
 * the action dialogs. It may redraw the screen from another thread through the callback it is
 * given (when a slow action finishes).
 */
public interface ConsoleLayer {
    /** Nothing over the console. */
    ConsoleLayer NONE = new ConsoleLayer() {
        @Override
        public boolean handle(KeyStroke key, Optional<JudgedTick> visible, ViewState view) {
            return false;
        }

        @Override
        public void draw(Canvas canvas, Region screen, ViewState view) {
        }
    };

    /** True when the layer used the key; called on the render thread before the console's own keys. */
    boolean handle(KeyStroke key, Optional<JudgedTick> visible, ViewState view);

    /** Draws over the finished screen. */
    void draw(Canvas canvas, Region screen, ViewState view);

    /** Gives the layer a way to ask for a redraw from any thread. */
    default void redrawWith(Runnable redraw) {
    }
}
