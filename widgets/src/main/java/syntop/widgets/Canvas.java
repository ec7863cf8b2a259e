package syntop.widgets;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import syntop.themes.Role;

/**
 * A Lanterna {@link TextGraphics} with the palette and glyphs to draw on it, and clipped writes:
 * every method takes a clip region and writes only cells inside both the clip and the graphics.
 * Coordinates are those of the graphics (screen coordinates for a screen).
 *
 * <p>A two-cell character is drawn whole or not at all: where only its left half would fit, a
 * space is drawn instead.
 */
public final class Canvas {

    private final TextGraphics graphics;
    private final Palette palette;
    private final Glyphs glyphs;
    private final Map<Role, TextCharacter> blanks = new EnumMap<>(Role.class);

    public Canvas(TextGraphics graphics, Palette palette, Glyphs glyphs) {
        this.graphics = Objects.requireNonNull(graphics, "graphics");
        this.palette = Objects.requireNonNull(palette, "palette");
        this.glyphs = Objects.requireNonNull(glyphs, "glyphs");
    }

    public TextGraphics graphics() {
        return graphics;
    }

    public Palette palette() {
        return palette;
    }

    public Glyphs glyphs() {
        return glyphs;
    }

    /** The whole drawable area. */
    public Region bounds() {
        return Region.of(graphics.getSize());
    }

    /** Sets one cell to {@code c} in {@code role}, if the cell is inside {@code clip}. */
    public void put(Region clip, int x, int y, char c, Role role) {
        if (inside(clip, x, y)) {
            graphics.setCharacter(x, y, blank(role).withCharacter(c));
        }
    }

    /**
     * Sets one cell with the foreground and modifiers of {@code fgRole} and the background of
     * {@code bgRole}; for cells that show two things, such as a partly filled bar cell.
     */
    public void put(Region clip, int x, int y, char c, Role fgRole, Role bgRole) {
        if (inside(clip, x, y)) {
            graphics.setCharacter(x, y, cell(c, palette.foreground(fgRole), palette.background(bgRole),
                    palette.modifiers(fgRole)));
        }
    }

    /**
     * Writes {@code text} from column {@code x} of row {@code y}, cutting it at the clip's edges.
     *
     * @return the column after the text, as if nothing had been cut
     */
    public int text(Region clip, int x, int y, String text, Role role) {
        List<Texts.Cell> cells = Texts.cells(glyphs.isUnicode() ? text : Texts.ascii(text));
        Region c = clip.intersect(bounds());
        int at = x;
        if (y < c.y() || y >= c.bottom()) {
            for (Texts.Cell cell : cells) {
                at += cell.width();
            }
            return at;
        }
        TextCharacter blank = blank(role);
        for (Texts.Cell cell : cells) {
            int w = cell.width();
            boolean fits = at >= c.x() && at + w <= c.right();
            if (fits) {
                if (w == 1 && cell.text().length() == 1) {
                    graphics.setCharacter(at, y, blank.withCharacter(cell.text().charAt(0)));
                } else {
                    // the right half first: on a Screen, writing there afterwards would erase the character
                    if (w == 2) {
                        graphics.setCharacter(at + 1, y, blank);
                    }
                    graphics.setCharacter(at, y, character(cell.text(), role));
                }
            } else {
                for (int i = 0; i < w; i++) {
                    if (at + i >= c.x() && at + i < c.right()) {
                        graphics.setCharacter(at + i, y, blank);
                    }
                }
            }
            at += w;
        }
        return at;
    }

    /** Fills {@code area} (clipped to the canvas) with {@code c} in {@code role}. */
    public void fill(Region area, char c, Role role) {
        Region a = area.intersect(bounds());
        TextCharacter ch = blank(role).withCharacter(c);
        for (int y = a.y(); y < a.bottom(); y++) {
            for (int x = a.x(); x < a.right(); x++) {
                graphics.setCharacter(x, y, ch);
            }
        }
    }

    /** Fills {@code area} with spaces in {@code role}. */
    public void clear(Region area, Role role) {
        fill(area, ' ', role);
    }

    private boolean inside(Region clip, int x, int y) {
        return clip.contains(x, y) && bounds().contains(x, y);
    }

    private TextCharacter blank(Role role) {
        return blanks.computeIfAbsent(role, r -> cell(' ', palette.foreground(r), palette.background(r),
                palette.modifiers(r)));
    }

    private static TextCharacter cell(char c, TextColor fg, TextColor bg, EnumSet<SGR> mods) {
        return TextCharacter.fromCharacter(c, fg, bg, mods.toArray(new SGR[0]))[0];
    }

    private TextCharacter character(String grapheme, Role role) {
        TextColor fg = palette.foreground(role);
        TextColor bg = palette.background(role);
        EnumSet<SGR> mods = palette.modifiers(role);
        TextCharacter[] parts = TextCharacter.fromString(grapheme, fg, bg, mods);
        return parts.length > 0 ? parts[0] : blank(role);
    }
}
