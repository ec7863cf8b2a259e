package syntop.tui.dialog;

import java.util.List;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.themes.Role;

/**
 * A question: y runs it once the whole body has been on screen, Y runs it unread (the hint says
 * so while part of it is still unseen); n or Esc closes.
 */
public final class Confirm extends Box {
    public static final String UNREAD = "see the whole plan first (j, PgDn, End), or Y: confirm without reading";
    private final List<String> lines;
    private final Runnable yes;

    public Confirm(DialogHost host, String title, List<String> lines, String hint, Role border, Runnable yes) {
        super(host, title, hint, border);
        this.lines = List.copyOf(lines);
        this.yes = yes;
    }

    @Override
    public List<String> body(int rows, int width) {
        return lines;
    }

    @Override
    public String hint() {
        return seenAll() ? hint : hint + "  [Y] confirm without reading";
    }

    @Override
    public void key(KeyStroke k) {
        if (k.getKeyType() == KeyType.Character && k.getCharacter() == 'y' && !seenAll()) {
            host.status(UNREAD, true);
            return;
        }
        if (k.getKeyType() == KeyType.Character && (k.getCharacter() == 'y' || k.getCharacter() == 'Y')) {
            yes.run();
            return;
        }
        super.key(k);
    }
}
