package syntop.widgets;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.BasicTextImage;
import java.util.EnumMap;
import java.util.Map;
import syntop.themes.ColorSpec;
import syntop.themes.Role;
import syntop.themes.Style;
import syntop.themes.Theme;

/**
 * A text image to draw widgets on in tests, with a theme that gives every role its own foreground
 * and background colour, so a cell's colours tell which role drew it.
 */
final class Surface {

    /** Fills cells nobody drew on. */
    static final char SENTINEL = '%';
    static final TextColor SENTINEL_FG = new TextColor.Indexed(250);
    static final TextColor SENTINEL_BG = new TextColor.Indexed(251);

    static final Theme THEME = distinctTheme();

    final BasicTextImage image;
    final Palette palette = new Palette(THEME);
    final Canvas canvas;

    Surface(int width, int height, Glyphs glyphs) {
        image = new BasicTextImage(width, height);
        image.setAll(TextCharacter.fromCharacter(SENTINEL, SENTINEL_FG, SENTINEL_BG)[0]);
        canvas = new Canvas(image.newTextGraphics(), palette, glyphs);
    }

    static Theme distinctTheme() {
        Map<Role, Style> styles = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            styles.put(r, new Style(new ColorSpec.Indexed(16 + r.ordinal()),
                    new ColorSpec.Indexed(100 + r.ordinal()), false, false, false));
        }
        return Theme.of("distinct", styles);
    }

    Region all() {
        return Region.of(image.getSize());
    }

    TextCharacter at(int x, int y) {
        return image.getCharacterAt(x, y);
    }

    /** Row {@code y} as the terminal shows it: the cell after a two-cell character is skipped. */
    String row(int y) {
        StringBuilder sb = new StringBuilder();
        int w = image.getSize().getColumns();
        for (int x = 0; x < w; x++) {
            TextCharacter c = at(x, y);
            sb.append(c.getCharacterString());
            if (c.isDoubleWidth()) {
                x++;
            }
        }
        return sb.toString();
    }

    /** Columns {@code from} (inclusive) to {@code to} (exclusive) of row {@code y}, one char a cell. */
    String row(int y, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int x = from; x < to; x++) {
            sb.append(at(x, y).getCharacterString());
        }
        return sb.toString();
    }

    /** The rows of {@code box}, each followed by a newline, one char a cell. */
    String text(Region box) {
        StringBuilder sb = new StringBuilder();
        for (int y = box.y(); y < box.bottom(); y++) {
            sb.append(row(y, box.x(), box.right())).append('\n');
        }
        return sb.toString();
    }

    /** All rows, joined with newlines. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < image.getSize().getRows(); y++) {
            if (y > 0) {
                sb.append('\n');
            }
            sb.append(row(y));
        }
        return sb.toString();
    }

    /** The role whose foreground this cell has, or null. */
    Role fg(int x, int y) {
        return roleOf(at(x, y).getForegroundColor(), 16);
    }

    /** The role whose background this cell has, or null. */
    Role bg(int x, int y) {
        return roleOf(at(x, y).getBackgroundColor(), 100);
    }

    /** The role that drew the cell (foreground and background agree), or null. */
    Role role(int x, int y) {
        Role f = fg(x, y);
        return f != null && f == bg(x, y) ? f : null;
    }

    /**
     * One character a cell of row {@code y}: the legend's letter for the role that drew it,
     * {@code %} for untouched cells, {@code ?} otherwise.
     */
    String roles(int y, Map<Role, Character> legend) {
        StringBuilder sb = new StringBuilder();
        for (int x = 0; x < image.getSize().getColumns(); x++) {
            if (at(x, y).getForegroundColor().equals(SENTINEL_FG)) {
                sb.append('%');
                continue;
            }
            Role r = role(x, y);
            Character c = r == null ? null : legend.get(r);
            sb.append(c == null ? '?' : c);
        }
        return sb.toString();
    }

    /** True when the cell still holds the sentinel. */
    boolean untouched(int x, int y) {
        TextCharacter c = at(x, y);
        return c.is(SENTINEL) && c.getForegroundColor().equals(SENTINEL_FG)
                && c.getBackgroundColor().equals(SENTINEL_BG);
    }

    private static Role roleOf(TextColor c, int base) {
        for (Role r : Role.values()) {
            if (c.equals(new TextColor.Indexed(base + r.ordinal()))) {
                return r;
            }
        }
        return null;
    }
}
