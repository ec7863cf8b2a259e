package syntop.tui.action;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.collectors.action.Identity;
import syntop.collectors.judge.JudgedTick;
import syntop.tui.console.ConsoleLayer;
import syntop.tui.view.Panel;
import syntop.tui.view.ViewState;

/** Console keys pressed, one by one, on a layer that acts on a fresh {@link FakeMachine} under a SYN flood. */
abstract class OnFakeMachine {
    static final Identity ROOT = Identity.of(0, "root");
    @TempDir
    Path tmp;
    FakeMachine m;
    ViewState view;
    Optional<JudgedTick> frame = FakeMachine.frame();

    @BeforeEach
    void setUpTheMachine() {
        m = new FakeMachine(tmp);
        view = new ViewState("dark", false, Duration.ofSeconds(1));
    }

    /** A key pressed while the layer is on a 120x40 screen, as the operator sees it. */
    boolean key(ConsoleLayer c, char ch) {
        ActionControllerDrawTest.screen(c, 120, 40);
        return c.handle(new KeyStroke(ch, false, false), frame, view);
    }

    boolean key(ConsoleLayer c, KeyType t) {
        ActionControllerDrawTest.screen(c, 120, 40);
        return c.handle(new KeyStroke(t), frame, view);
    }

    /** Moves the focus to {@code panel}, as Tab does. */
    void focus(Panel panel) {
        while (view.focus() != panel) {
            view.focusNext();
        }
    }
}
