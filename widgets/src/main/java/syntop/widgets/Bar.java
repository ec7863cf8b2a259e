package syntop.widgets;

import java.util.Locale;
import syntop.themes.Role;

/**
 * A one-row meter: {@code label ████▌···· value/limit}.
 *
 * <p>The fill shows {@code value / limit}, in eighths of a cell with {@link Glyphs#UNICODE} and
 * whole cells (rounded) with {@link Glyphs#ASCII}. A value above the limit fills the bar and a
 * negative one leaves it empty, but the text always shows the real numbers. An optional inner
 * value (a part of the value) fills the first cells with {@link Glyphs#barInner()} in
 * {@link Role#BAR_INNER}.
 *
 * <p>Warning and critical thresholds are fractions of the limit; at or above them the fill is drawn
 * in {@link Role#BAR_WARN} / {@link Role#BAR_CRITICAL} and the text in {@link Role#WARN} /
 * {@link Role#CRITICAL}, otherwise {@link Role#BAR_OK} and {@link Role#VALUE}. A limit of 0 or
 * less counts any positive value as over the limit. A NaN value draws an empty bar and
 * {@code -} in {@link Role#DIM}.
 *
 * <p>When the region is narrow, the parts give way in this order: the {@code /limit} part of the
 * text, then the whole text, while the label is shortened with an ellipsis; the bar keeps at least
 * one cell. Numbers are never cut. The bar paints the whole first row of its region.
 *
 * <p>Immutable; each {@code with}-style method returns a changed copy.
 */
public final class Bar extends RowWidget {

    private final String label;
    private final double value;
    private final double limit;
    private final double inner;
    private final double warnAt;
    private final double criticalAt;
    private final String valueText;
    private final String limitText;
    private final int labelWidth;
    private final int textWidth;
    private final Role labelRole;

    private Bar(String label, double value, double limit, double inner, double warnAt, double criticalAt,
                String valueText, String limitText, int labelWidth, int textWidth, Role labelRole) {
        this.label = label == null ? "" : label;
        this.value = value;
        this.limit = limit;
        this.inner = inner;
        this.warnAt = warnAt;
        this.criticalAt = criticalAt;
        this.valueText = valueText;
        this.limitText = limitText;
        this.labelWidth = labelWidth;
        this.textWidth = textWidth;
        this.labelRole = labelRole;
    }

    /** A bar of {@code value} out of {@code limit}, with no thresholds and no inner value. */
    public static Bar of(String label, double value, double limit) {
        return new Bar(label, value, limit, Double.NaN, Double.NaN, Double.NaN, null, null, -1, -1, Role.LABEL);
    }

    /** The inner value, a part of the value drawn first; NaN for none. */
    public Bar inner(double innerValue) {
        return new Bar(label, value, limit, innerValue, warnAt, criticalAt, valueText, limitText, labelWidth, textWidth, labelRole);
    }

    /** Thresholds as fractions of the limit (for example 0.7 and 0.9); NaN disables one. */
    public Bar thresholds(double warnFraction, double criticalFraction) {
        return new Bar(label, value, limit, inner, warnFraction, criticalFraction, valueText, limitText, labelWidth, textWidth, labelRole);
    }

    /** Text for the value and the limit instead of the plain numbers (for example {@code 1.2k}). */
    public Bar texts(String valueText, String limitText) {
        return new Bar(label, value, limit, inner, warnAt, criticalAt, valueText, limitText, labelWidth, textWidth, labelRole);
    }

    /** Columns for the label (padded or shortened), so that bars in a column line up; -1 for its own width. */
    public Bar labelWidth(int columns) {
        return new Bar(label, value, limit, inner, warnAt, criticalAt, valueText, limitText, columns, textWidth, labelRole);
    }

    /** Minimum columns for the right-aligned {@code value/limit} text; -1 for its own width. */
    public Bar textWidth(int columns) {
        return new Bar(label, value, limit, inner, warnAt, criticalAt, valueText, limitText, labelWidth, columns, labelRole);
    }

    /** Draws the label in {@code role} (default {@link Role#LABEL}), for example {@link Role#SELECTED} for the selected row. */
    public Bar labelRole(Role role) {
        return new Bar(label, value, limit, inner, warnAt, criticalAt, valueText, limitText, labelWidth, textWidth, role);
    }

    /** value / limit; +infinity for a positive value over a limit of 0 or less; NaN for a NaN value. */
    public double fraction() {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        if (!(limit > 0)) {
            return value > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        return value / limit;
    }

    /** The fill role the thresholds choose: {@link Role#BAR_OK}, {@link Role#BAR_WARN} or {@link Role#BAR_CRITICAL}. */
    public Role fillRole() {
        double f = fraction();
        if (!Double.isNaN(criticalAt) && f >= criticalAt) {
            return Role.BAR_CRITICAL;
        }
        if (!Double.isNaN(warnAt) && f >= warnAt) {
            return Role.BAR_WARN;
        }
        return Role.BAR_OK;
    }

    /** The text role matching {@link #fillRole()}: {@link Role#VALUE}, {@link Role#WARN}, {@link Role#CRITICAL}, or {@link Role#DIM} for NaN. */
    public Role textRole() {
        if (Double.isNaN(value)) {
            return Role.DIM;
        }
        return switch (fillRole()) {
            case BAR_CRITICAL -> Role.CRITICAL;
            case BAR_WARN -> Role.WARN;
            default -> Role.VALUE;
        };
    }

    /** The full right-hand text, {@code value/limit}. */
    public String text() {
        return shortText() + "/" + (limitText != null ? limitText : format(limit));
    }

    private String shortText() {
        return valueText != null ? valueText : format(value);
    }

    @Override
    void drawRow(Canvas canvas, Region row) {
        int w = row.width();
        canvas.clear(row, Role.DEFAULT);

        String text = "";
        String full = text();
        String shortened = shortText();
        if (Texts.width(full) + 2 <= w) {
            text = full;
        } else if (Texts.width(shortened) + 2 <= w) {
            text = shortened;
        }
        int tw = 0;
        if (!text.isEmpty()) {
            tw = Texts.width(text);
            if (textWidth > tw && textWidth + 2 <= w) {
                tw = textWidth;
            }
        }
        int rest = w - (tw > 0 ? tw + 1 : 0);
        int wantLabel = label.isEmpty() ? 0 : (labelWidth >= 0 ? labelWidth : Texts.width(label));
        int lw = wantLabel > 0 && rest >= 3 ? Math.min(wantLabel, rest - 2) : 0;
        int barWidth = rest - (lw > 0 ? lw + 1 : 0);

        if (lw > 0) {
            canvas.text(row, row.x(), row.y(), Texts.fit(label, lw, Align.LEFT, canvas.glyphs().ellipsis()), labelRole);
        }
        drawFill(canvas, row, row.x() + (lw > 0 ? lw + 1 : 0), barWidth);
        if (tw > 0) {
            canvas.text(row, row.right() - tw, row.y(), Texts.pad(text, tw, Align.RIGHT), textRole());
        }
    }

    private void drawFill(Canvas canvas, Region row, int x0, int cells) {
        Glyphs g = canvas.glyphs();
        int steps = g.barStepsPerCell();
        long units = units(value, cells * (long) steps);
        long innerCells = Math.min(units(inner, cells), (units + steps - 1) / steps);
        Role fill = fillRole();
        for (int i = 0; i < cells; i++) {
            int x = x0 + i;
            long cellUnits = Math.max(0, Math.min(steps, units - (long) i * steps));
            if (i < innerCells) {
                canvas.put(row, x, row.y(), g.barInner(), Role.BAR_INNER);
            } else if (cellUnits == steps) {
                canvas.put(row, x, row.y(), g.barFull(), fill);
            } else if (cellUnits > 0) {
                canvas.put(row, x, row.y(), g.barStep((int) cellUnits), fill, Role.BAR_EMPTY);
            } else {
                canvas.put(row, x, row.y(), g.barEmpty(), Role.BAR_EMPTY);
            }
        }
    }

    /** {@code v / limit} of {@code total} units, rounded, within 0..total. */
    private long units(double v, long total) {
        if (Double.isNaN(v) || !(v > 0) || total <= 0) {
            return 0;
        }
        if (!(limit > 0) || v >= limit) {
            return total;
        }
        return Math.max(0, Math.min(total, Math.round(v * total / limit)));
    }

    /** Whole numbers without decimals, others with one; NaN as {@code -}. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
