package syntop.widgets;

import syntop.themes.Role;

/**
 * A small status badge, {@code [ label value ]}, all in one role (such as {@link Role#CHIP_OK},
 * {@link Role#CHIP_STALE}, {@link Role#CHIP_ERROR}). Drawn from the left of the first row of its
 * region, over {@link #preferredWidth()} cells only, so several chips can share a row. In a
 * narrower region the brackets stay and the inside is shortened with an ellipsis.
 */
public final class Chip extends RowWidget {

    private final String label;
    private final String value;
    private final Role role;

    private Chip(String label, String value, Role role) {
        this.label = label == null ? "" : label;
        this.value = value == null ? "" : value;
        this.role = role;
    }

    public static Chip of(String label, String value, Role role) {
        return new Chip(label, value, role);
    }

    private String inside() {
        if (label.isEmpty()) {
            return value;
        }
        return value.isEmpty() ? label : label + " " + value;
    }

    /** The full text, {@code [ label value ]}. */
    public String text() {
        return "[ " + inside() + " ]";
    }

    @Override
    public int preferredWidth() {
        return Texts.width(text());
    }

    @Override
    void drawRow(Canvas canvas, Region row) {
        int w = row.width();
        String t = text();
        if (Texts.width(t) > w) {
            String ell = canvas.glyphs().ellipsis();
            t = w >= 3 ? "[" + Texts.ellipsize(inside(), w - 2, ell) + "]" : Texts.ellipsize(inside(), w, ell);
        }
        canvas.text(row, row.x(), row.y(), t, role);
    }
}
