package syntop.widgets;

import java.util.List;
import syntop.themes.Role;

/**
 * A one-row chart of a series, one value a cell, the newest value in the rightmost cell. When the
 * series is longer than the region is wide, only the last {@code width} values are shown; when it
 * is shorter, the cells on the left stay blank.
 *
 * <p>Values are scaled to the largest finite value shown (or to a fixed maximum): 0 or less is the
 * lowest glyph, the maximum (and anything above it) the highest, and any positive value at least
 * the second lowest, so a small burst never looks like silence. NaN is a gap
 * ({@link Glyphs#sparkGap()}). The sparkline paints the whole first row of its region.
 *
 * <p>Immutable; the series is copied.
 */
public final class Sparkline extends RowWidget {

    private final double[] values;
    private final double max;
    private final Role role;

    private Sparkline(double[] values, double max, Role role) {
        this.values = values;
        this.max = max;
        this.role = role;
    }

    /** A sparkline of {@code values}, oldest first. */
    public static Sparkline of(double... values) {
        return new Sparkline(values == null ? new double[0] : values.clone(), Double.NaN, Role.SPARKLINE);
    }

    /** A sparkline of {@code values}, oldest first; null elements are gaps. */
    public static Sparkline of(List<? extends Number> values) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            Number n = values.get(i);
            v[i] = n == null ? Double.NaN : n.doubleValue();
        }
        return new Sparkline(v, Double.NaN, Role.SPARKLINE);
    }

    /** Scales to {@code max} instead of the largest value shown; NaN or 0 or less for automatic. */
    public Sparkline max(double max) {
        return new Sparkline(values, max, role);
    }

    /** Draws in {@code role} instead of {@link Role#SPARKLINE}. */
    public Sparkline role(Role role) {
        return new Sparkline(values, max, role);
    }

    @Override
    public int preferredWidth() {
        return values.length;
    }

    /**
     * The level, 0 to {@code levels - 1}, of {@code v} on a scale to {@code top}; -1 for a gap (NaN).
     */
    public static int level(double v, double top, int levels) {
        if (Double.isNaN(v)) {
            return -1;
        }
        int highest = levels - 1;
        if (v <= 0 || highest <= 0) {
            return 0;
        }
        if (!(top > 0) || v >= top) {
            return highest;
        }
        int l = (int) Math.ceil(v / top * highest);
        return Math.max(1, Math.min(highest, l));
    }

    @Override
    void drawRow(Canvas canvas, Region row) {
        int w = row.width();
        canvas.clear(row, role);
        int n = Math.min(values.length, w);
        int first = values.length - n;
        double top = max;
        if (!(top > 0)) {
            top = 0;
            for (int i = first; i < values.length; i++) {
                if (Double.isFinite(values[i]) && values[i] > top) {
                    top = values[i];
                }
            }
        }
        Glyphs g = canvas.glyphs();
        int x0 = row.right() - n;
        for (int i = 0; i < n; i++) {
            int level = level(values[first + i], top, g.sparkLevelCount());
            char c = level < 0 ? g.sparkGap() : g.sparkLevel(level);
            canvas.put(row, x0 + i, row.y(), c, role);
        }
    }
}
