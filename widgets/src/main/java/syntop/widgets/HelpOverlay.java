package syntop.widgets;

import java.util.List;
import syntop.themes.Role;

/**
 * A centred box listing keys and what they do, in two columns when the region is wide enough
 * (the first half of the entries on the left), else in one. Keys in {@link Role#DIALOG_KEY},
 * descriptions in {@link Role#DIALOG}. Long descriptions end in an ellipsis; entries that do not fit
 * the height are cut, and the last visible row then shows an ellipsis. An optional hint line at the
 * bottom (for example {@code press any key}) is drawn like a {@link Dialog}'s. Immutable.
 */
public final class HelpOverlay {

    /** One key and what it does. */
    public record Entry(String key, String description) {
        public Entry {
            key = key == null ? "" : key;
            description = description == null ? "" : description;
        }
    }

    private static final int KEY_GAP = 2;
    private static final int COLUMN_GAP = 4;

    private final String title;
    private final List<Entry> entries;
    private final String hint;

    private HelpOverlay(String title, List<Entry> entries, String hint) {
        this.title = title == null ? "" : title;
        this.entries = entries;
        this.hint = hint == null ? "" : hint;
    }

    public static HelpOverlay of(String title, List<Entry> entries) {
        return new HelpOverlay(title, List.copyOf(entries), "");
    }

    public HelpOverlay hint(String hint) {
        return new HelpOverlay(title, entries, hint);
    }

    /** Draws the overlay centred in {@code screen}; returns the box's region. */
    public Region draw(Canvas canvas, Region screen) {
        int keyWidth = 0;
        int descWidth = 0;
        for (Entry e : entries) {
            keyWidth = Math.max(keyWidth, Texts.width(e.key()));
            descWidth = Math.max(descWidth, Texts.width(e.description()));
        }
        int column = keyWidth + KEY_GAP + descWidth;
        boolean two = entries.size() > 1 && 2 * column + COLUMN_GAP + Overlay.FRAME_WIDTH <= screen.width();
        int perColumn = two ? (entries.size() + 1) / 2 : entries.size();
        int content = two ? 2 * column + COLUMN_GAP : column;
        content = Math.max(content, Math.max(Texts.width(title) + 2, Texts.width(hint)));
        int width = Math.min(content + Overlay.FRAME_WIDTH, screen.width());
        int height = Overlay.FRAME_HEIGHT + perColumn + (hint.isEmpty() ? 0 : 2);
        Region box = Overlay.place(screen, width, height);
        if (box.isEmpty()) {
            return box;
        }
        Region area = Overlay.frame(canvas, box, title, Role.DIALOG_BORDER);
        int rows = hint.isEmpty() ? area.height() : area.height() - 1;
        List<Region> cols = two
                ? area.splitColumns(Span.weight(1), Span.fixed(COLUMN_GAP), Span.weight(1))
                : List.of(area);
        // with two columns, the weights share (width - gap) equally
        Region left = cols.get(0);
        Region right = two ? cols.get(2) : null;
        for (int i = 0; i < perColumn && i < rows; i++) {
            boolean cut = i == rows - 1 && perColumn > rows;
            drawEntry(canvas, left, i, entries.get(i), keyWidth, cut);
            int j = i + perColumn;
            if (right != null && j < entries.size()) {
                drawEntry(canvas, right, i, entries.get(j), keyWidth, cut);
            }
        }
        if (!hint.isEmpty() && area.height() > 0) {
            int w = Texts.width(hint);
            int col = w < area.width() ? (area.width() - w) / 2 : 0;
            TextLine.keyed(canvas, area, col, area.height() - 1, hint, Role.DIALOG, Role.DIALOG_KEY);
        }
        return box;
    }

    private static void drawEntry(Canvas canvas, Region col, int row, Entry e, int keyWidth, boolean cut) {
        String ell = canvas.glyphs().ellipsis();
        if (cut) {
            TextLine.left(canvas, col, row, ell, Role.DIALOG);
            return;
        }
        int kw = Math.min(keyWidth, col.width());
        TextLine.put(canvas, col, 0, row, Texts.fit(e.key(), kw, Align.LEFT, ell), Role.DIALOG_KEY);
        int descX = kw + KEY_GAP;
        Region desc = col.withoutLeft(descX);
        TextLine.left(canvas, desc, row, e.description(), Role.DIALOG);
    }
}
