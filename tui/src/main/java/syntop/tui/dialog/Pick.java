package syntop.tui.dialog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.themes.Role;

/** A list with a selection: arrows or j/k move, Enter picks, extra keys act on the selected item. */
public final class Pick extends Box {
    private final List<String> items;
    private final IntConsumer enter;
    private final Map<Character, IntConsumer> onItem = new HashMap<>();
    private int selected;

    public Pick(DialogHost host, String title, List<String> items, String hint, IntConsumer enter) {
        super(host, title, hint, Role.DIALOG_BORDER);
        this.items = List.copyOf(items);
        this.enter = enter;
    }

    public Pick extra(char key, IntConsumer action) {
        onItem.put(key, action);
        return this;
    }

    @Override
    public List<String> body(int rows, int width) {
        int visible = Math.max(1, rows);
        int from = Math.max(0, Math.min(selected - visible / 2, items.size() - visible));
        List<String> out = new ArrayList<>();
        for (int i = from; i < items.size() && out.size() < visible; i++) {
            out.add((i == selected ? "> " : "  ") + items.get(i));
        }
        return out;
    }

    @Override
    public void key(KeyStroke k) {
        KeyType t = k.getKeyType();
        if (t == KeyType.ArrowDown || (t == KeyType.Character && k.getCharacter() == 'j')) {
            selected = Math.min(items.size() - 1, selected + 1);
        } else if (t == KeyType.ArrowUp || (t == KeyType.Character && k.getCharacter() == 'k')) {
            selected = Math.max(0, selected - 1);
        } else if (t == KeyType.Enter && enter != null && !items.isEmpty()) {
            enter.accept(selected);
        } else if (t == KeyType.Character && onItem.containsKey(k.getCharacter()) && !items.isEmpty()) {
            onItem.get(k.getCharacter()).accept(selected);
        } else {
            super.key(k);
        }
    }
}
