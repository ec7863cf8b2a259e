package syntop.widgets;

import syntop.themes.Role;

/**
 * One-line text drawing inside a region. Row and column arguments are relative to the region;
 * nothing is drawn outside it.
 */
public final class TextLine {

    private TextLine() {
    }

    /**
     * Writes {@code text} at ({@code column}, {@code row}) of {@code r}, cut at the region's edge
     * without an ellipsis.
     *
     * @return the region-relative column after the text, as if nothing had been cut
     */
    public static int put(Canvas c, Region r, int column, int row, String text, Role role) {
        return c.text(r, r.x() + column, r.y() + row, text, role) - r.x();
    }

    /** Writes {@code text} from the left edge of row {@code row}, with an ellipsis if it is too long. */
    public static void left(Canvas c, Region r, int row, String text, Role role) {
        put(c, r, 0, row, Texts.ellipsize(text, r.width(), c.glyphs().ellipsis()), role);
    }

    /** Writes {@code text} against the right edge of row {@code row}, with an ellipsis if it is too long. */
    public static void right(Canvas c, Region r, int row, String text, Role role) {
        String t = Texts.ellipsize(text, r.width(), c.glyphs().ellipsis());
        put(c, r, r.width() - Texts.width(t), row, t, role);
    }

    /** Writes {@code text} centred on row {@code row} (an odd leftover goes right), with an ellipsis if needed. */
    public static void center(Canvas c, Region r, int row, String text, Role role) {
        String t = Texts.ellipsize(text, r.width(), c.glyphs().ellipsis());
        put(c, r, (r.width() - Texts.width(t)) / 2, row, t, role);
    }

    /** Paints row {@code row} with spaces in {@code role}. */
    public static void clear(Canvas c, Region r, int row, Role role) {
        c.clear(r.row(row), role);
    }

    /**
     * Writes a line of key hints, such as {@code "[y] confirm  [n] cancel"}: text in square
     * brackets (brackets included) in {@code keyRole}, the rest in {@code textRole}; cut at the
     * region's edge. Text after an unmatched {@code [} is plain.
     *
     * @return the region-relative column after the text, as if nothing had been cut
     */
    public static int keyed(Canvas c, Region r, int column, int row, String text, Role textRole, Role keyRole) {
        int at = column;
        int i = 0;
        String s = text == null ? "" : text;
        while (i < s.length()) {
            int open = s.indexOf('[', i);
            int close = open < 0 ? -1 : s.indexOf(']', open + 1);
            if (open < 0 || close < 0) {
                at = put(c, r, at, row, s.substring(i), textRole);
                break;
            }
            if (open > i) {
                at = put(c, r, at, row, s.substring(i, open), textRole);
            }
            at = put(c, r, at, row, s.substring(open, close + 1), keyRole);
            i = close + 1;
        }
        return at;
    }
}
