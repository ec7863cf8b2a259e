package syntop.widgets;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import syntop.themes.Role;

/**
 * A Lanterna {@link TextGraphics} with the palette and glyphs to draw on it, and clipped writes:
 * every method takes a clip region and writes only cells inside both the clip and the graphics.
 * Coordinates are those of the graphics (screen coordinates for a screen).
 *
 * <p>A two-cell character is drawn whole or not at all: where only its left half would fit, a
 * space is drawn instead.
 *
 * <p>A {@link #buffered} canvas keeps what is drawn and hands the graphics only the cells that
 * differ from what it holds, at {@link #flush()}: a console repaints every cell each tick, and
 * Lanterna's per-cell work (it measures each character it is given) is most of a repaint's cost,
 * while from one tick to the next few cells change.
 */
public final class Canvas {

    private final TextGraphics graphics;
    private final Palette palette;
    private final Glyphs glyphs;
    /** What is drawn, row by row, when buffered (null cells: not drawn); null when drawing straight through. */
    private final TextCharacter[] drawn;
    /** Rows of {@link #drawn} holding a two-cell character: flushed whole, right to left. */
    private final boolean[] wideRows;
    private final int columns;

    /** A canvas that draws straight onto {@code graphics}. */
    public Canvas(TextGraphics graphics, Palette palette, Glyphs glyphs) {
        this(graphics, palette, glyphs, false);
    }

    private Canvas(TextGraphics graphics, Palette palette, Glyphs glyphs, boolean buffered) {
        this.graphics = Objects.requireNonNull(graphics, "graphics");
        this.palette = Objects.requireNonNull(palette, "palette");
        this.glyphs = Objects.requireNonNull(glyphs, "glyphs");
        this.columns = graphics.getSize().getColumns();
        int rows = graphics.getSize().getRows();
        this.drawn = buffered ? new TextCharacter[columns * rows] : null;
        this.wideRows = buffered ? new boolean[rows] : null;
    }

    /** A canvas that keeps what is drawn until {@link #flush()}, which writes only the cells that changed. */
    public static Canvas buffered(TextGraphics graphics, Palette palette, Glyphs glyphs) {
        return new Canvas(graphics, palette, glyphs, true);
    }

    /**
     * Writes the cells drawn since this buffered canvas was made that differ from the graphics'
     * (nothing to do for a canvas that draws straight through).
     */
    public void flush() {
        if (drawn == null) {
            return;
        }
        for (int y = 0; y < wideRows.length; y++) {
            // right to left: a two-cell character's right half must be written before the character
            for (int x = columns - 1; x >= 0; x--) {
                TextCharacter c = drawn[y * columns + x];
                if (c == null) {
                    continue;
                }
                if (wideRows[y] || !c.equals(graphics.getCharacter(x, y))) {
                    graphics.setCharacter(x, y, c);
                }
            }
        }
    }

    private void set(int x, int y, TextCharacter c) {
        if (drawn == null) {
            graphics.setCharacter(x, y, c);
        } else if (x < columns && y < wideRows.length) {
            // (the graphics may have grown since this canvas was made: a resize is drawn next time)
            drawn[y * columns + x] = c;
        }
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
            set(x, y, palette.cell(c, role, role));
        }
    }

    /**
     * Sets one cell with the foreground and modifiers of {@code fgRole} and the background of
     * {@code bgRole}; for cells that show two things, such as a partly filled bar cell.
     */
    public void put(Region clip, int x, int y, char c, Role fgRole, Role bgRole) {
        if (inside(clip, x, y)) {
            set(x, y, palette.cell(c, fgRole, bgRole));
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
        TextCharacter blank = palette.cell(' ', role, role);
        for (Texts.Cell cell : cells) {
            int w = cell.width();
            boolean fits = at >= c.x() && at + w <= c.right();
            if (fits) {
                if (w == 1 && cell.text().length() == 1) {
                    set(at, y, palette.cell(cell.text().charAt(0), role, role));
                } else {
                    // the right half first: on a Screen, writing there afterwards would erase the character
                    if (w == 2) {
                        set(at + 1, y, blank);
                        if (wideRows != null) {
                            wideRows[y] = true;
                        }
                    }
                    set(at, y, character(cell.text(), role));
                }
            } else {
                for (int i = 0; i < w; i++) {
                    if (at + i >= c.x() && at + i < c.right()) {
                        set(at + i, y, blank);
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
        TextCharacter ch = palette.cell(c, role, role);
        for (int y = a.y(); y < a.bottom(); y++) {
            for (int x = a.x(); x < a.right(); x++) {
                set(x, y, ch);
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

    private TextCharacter character(String grapheme, Role role) {
        TextColor fg = palette.foreground(role);
        TextColor bg = palette.background(role);
        EnumSet<SGR> mods = palette.modifiers(role);
        TextCharacter[] parts = TextCharacter.fromString(grapheme, fg, bg, mods);
        return parts.length > 0 ? parts[0] : palette.cell(' ', role, role);
    }
}
