package syntop.widgets;

import com.googlecode.lanterna.TerminalSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A rectangle of terminal cells, in screen coordinates. Width and height are never negative:
 * a negative size given to the constructor becomes 0. Every operation returns a region inside
 * this one (possibly empty), so layouts built from it never reach outside it.
 */
public record Region(int x, int y, int width, int height) {

    public Region {
        width = Math.max(0, width);
        height = Math.max(0, height);
    }

    /** The whole of a screen or image of this size, at 0,0. */
    public static Region of(TerminalSize size) {
        return new Region(0, 0, size.getColumns(), size.getRows());
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** One past the last column. */
    public int right() {
        return x + width;
    }

    /** One past the last row. */
    public int bottom() {
        return y + height;
    }

    public boolean contains(int column, int row) {
        return column >= x && column < right() && row >= y && row < bottom();
    }

    /** The cells both regions have. */
    public Region intersect(Region o) {
        int nx = Math.max(x, o.x);
        int ny = Math.max(y, o.y);
        return new Region(nx, ny, Math.min(right(), o.right()) - nx, Math.min(bottom(), o.bottom()) - ny);
    }

    /** This region less {@code n} cells on every side. */
    public Region inset(int n) {
        return inset(n, n, n, n);
    }

    public Region inset(int top, int right, int bottom, int left) {
        int t = Math.max(0, top);
        int r = Math.max(0, right);
        int b = Math.max(0, bottom);
        int l = Math.max(0, left);
        int w = width - l - r;
        int h = height - t - b;
        return new Region(x + Math.min(l, width), y + Math.min(t, height), w, h);
    }

    /** Row {@code i} (0-based) as a one-row region; empty when out of range. */
    public Region row(int i) {
        if (i < 0 || i >= height) {
            return new Region(x, y, width, 0);
        }
        return new Region(x, y + i, width, 1);
    }

    /** The top {@code n} rows. */
    public Region top(int n) {
        return new Region(x, y, width, clamp(n, height));
    }

    /** The bottom {@code n} rows. */
    public Region bottom(int n) {
        int h = clamp(n, height);
        return new Region(x, y + height - h, width, h);
    }

    /** The left {@code n} columns. */
    public Region left(int n) {
        return new Region(x, y, clamp(n, width), height);
    }

    /** The right {@code n} columns. */
    public Region right(int n) {
        int w = clamp(n, width);
        return new Region(x + width - w, y, w, height);
    }

    /** All but the top {@code n} rows. */
    public Region withoutTop(int n) {
        return bottom(height - clamp(n, height));
    }

    /** All but the bottom {@code n} rows. */
    public Region withoutBottom(int n) {
        return top(height - clamp(n, height));
    }

    /** All but the left {@code n} columns. */
    public Region withoutLeft(int n) {
        return right(width - clamp(n, width));
    }

    /** All but the right {@code n} columns. */
    public Region withoutRight(int n) {
        return left(width - clamp(n, width));
    }

    /**
     * A region of at most {@code w} by {@code h} centred in this one (odd leftovers go right and
     * down).
     */
    public Region centered(int w, int h) {
        int cw = clamp(w, width);
        int ch = clamp(h, height);
        return new Region(x + (width - cw) / 2, y + (height - ch) / 2, cw, ch);
    }

    /** Splits the rows top to bottom; see {@link Span#distribute}. */
    public List<Region> splitRows(Span... spans) {
        int[] sizes = Span.distribute(height, Arrays.asList(spans));
        List<Region> out = new ArrayList<>(sizes.length);
        int at = y;
        for (int s : sizes) {
            out.add(new Region(x, at, width, s));
            at += s;
        }
        return out;
    }

    /** Splits the columns left to right; see {@link Span#distribute}. */
    public List<Region> splitColumns(Span... spans) {
        int[] sizes = Span.distribute(width, Arrays.asList(spans));
        List<Region> out = new ArrayList<>(sizes.length);
        int at = x;
        for (int s : sizes) {
            out.add(new Region(at, y, s, height));
            at += s;
        }
        return out;
    }

    /** Splits the rows into {@code n} nearly equal parts (the first ones get the extra rows). */
    public List<Region> splitRows(int n) {
        return splitRows(equal(n));
    }

    /** Splits the columns into {@code n} nearly equal parts (the first ones get the extra columns). */
    public List<Region> splitColumns(int n) {
        return splitColumns(equal(n));
    }

    private static Span[] equal(int n) {
        Span[] spans = new Span[Math.max(0, n)];
        Arrays.fill(spans, Span.weight(1));
        return spans;
    }

    private static int clamp(int n, int max) {
        return Math.max(0, Math.min(n, max));
    }
}
