package syntop.tui.dialog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.themes.Role;
import syntop.widgets.Dialog;

/**
 * One dialog over the console: title, body, keys. A body longer than the screen scrolls
 * (Down/j/PgDn, Up/k/PgUp, Home, End); the box remembers whether its last line has been on screen.
 * Esc (and n, q) close it; extra keys run what they were given.
 */
public abstract class Box {
    public final String title;
    final String hint;
    public final Role border;
    protected final DialogHost host;
    private final Map<Character, Runnable> extras = new HashMap<>();
    private Runnable onClose;
    private int first;
    private int page = 1;
    private boolean seenAll;

    protected Box(DialogHost host, String title, String hint, Role border) {
        this.host = host;
        this.title = title;
        this.hint = hint;
        this.border = border;
        this.onClose = () -> host.show(null);
    }

    /** The body for a screen of about {@code rows} by {@code width} (lists window their items). */
    public abstract List<String> body(int rows, int width);

    /** The key line. */
    public String hint() {
        return hint;
    }

    /** The first body line on screen. */
    public int first() {
        return first;
    }

    /** True once the last body line has been on screen. */
    protected boolean seenAll() {
        return seenAll;
    }

    /** Called at each draw with the part of the body on screen (the screen may have changed size). */
    public void shown(Dialog.Window w) {
        first = w.first();
        page = Math.max(1, w.rows() - 1);
        seenAll |= w.atEnd();
    }

    public Box extra(char key, Runnable r) {
        extras.put(key, r);
        return this;
    }

    public Box onClose(Runnable r) {
        onClose = r;
        return this;
    }

    protected void close() {
        onClose.run();
    }

    /** Moves the window over the body; false when {@code k} is not a scroll key. */
    protected boolean scroll(KeyStroke k) {
        KeyType t = k.getKeyType();
        char ch = t == KeyType.Character ? k.getCharacter() : 0;
        if (t == KeyType.ArrowDown || ch == 'j') {
            first++;
        } else if (t == KeyType.ArrowUp || ch == 'k') {
            first = Math.max(0, first - 1);
        } else if (t == KeyType.PageDown) {
            first += page;
        } else if (t == KeyType.PageUp) {
            first = Math.max(0, first - page);
        } else if (t == KeyType.Home) {
            first = 0;
        } else if (t == KeyType.End) {
            first = Integer.MAX_VALUE / 2;
        } else {
            return false;
        }
        return true;
    }

    /** Keys every dialog shares: scrolling; Esc (and n, q) close; extra keys. */
    public void key(KeyStroke k) {
        if (scroll(k)) {
            return;
        }
        if (k.getKeyType() == KeyType.Escape) {
            close();
            return;
        }
        if (k.getKeyType() == KeyType.Character) {
            Runnable r = extras.get(k.getCharacter());
            if (r != null) {
                r.run();
            } else if (k.getCharacter() == 'n' || k.getCharacter() == 'q') {
                close();
            }
        }
    }
}
