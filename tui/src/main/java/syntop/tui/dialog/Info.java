package syntop.tui.dialog;

import java.util.List;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.themes.Role;

/** Text and a way out (Enter too); while busy, no way out (the command is running). */
public final class Info extends Box {
    private final List<String> lines;
    private boolean busy;

    public Info(DialogHost host, String title, List<String> lines, String hint, Role border) {
        super(host, title, hint, border);
        this.lines = List.copyOf(lines);
    }

    public Info busy() {
        busy = true;
        return this;
    }

    @Override
    public List<String> body(int rows, int width) {
        return lines;
    }

    @Override
    public void key(KeyStroke k) {
        if (busy) {
            return;
        }
        if (k.getKeyType() == KeyType.Enter) {
            close();
            return;
        }
        super.key(k);
    }
}
