package syntop.widgets;

import java.util.ArrayList;
import java.util.List;
import syntop.themes.Role;

/**
 * A centred box with a title, body lines and a hint line of keys, such as
 * {@code [y] confirm  [n] cancel} (bracketed keys drawn in {@link Role#DIALOG_KEY}).
 *
 * <pre>
 * ┌─ Title ──────────────────┐
 * │ body text, wrapped to    │
 * │ the width                │
 * │                          │
 * │ [y] confirm  [n] cancel  │
 * └──────────────────────────┘
 * </pre>
 *
 * The box is as wide as its longest line (at most {@link #maxWidth}) and is clipped to the region
 * it is drawn in. When rows are short the hint line is kept and the body is cut, its last visible
 * line ending in an ellipsis. Body in {@link Role#DIALOG}, border in {@link Role#DIALOG_BORDER}
 * (changeable, for example to {@link Role#CRITICAL} for a destructive action), title in
 * {@link Role#DIALOG_TITLE}. Immutable.
 */
public final class Dialog {

    private final String title;
    private final List<String> body;
    private final String hint;
    private final Role border;
    private final int maxWidth;

    private Dialog(String title, List<String> body, String hint, Role border, int maxWidth) {
        this.title = title == null ? "" : title;
        this.body = body;
        this.hint = hint == null ? "" : hint;
        this.border = border;
        this.maxWidth = maxWidth;
    }

    public static Dialog of(String title, List<String> body, String hint) {
        return new Dialog(title, List.copyOf(body), hint, Role.DIALOG_BORDER, 72);
    }

    /** Draws the border in {@code role} instead of {@link Role#DIALOG_BORDER}. */
    public Dialog border(Role role) {
        return new Dialog(title, body, hint, role, maxWidth);
    }

    /** The widest the box may be, border included (default 72). */
    public Dialog maxWidth(int columns) {
        return new Dialog(title, body, hint, border, columns);
    }

    /** Draws the dialog centred in {@code screen}; returns the box's region. */
    public Region draw(Canvas canvas, Region screen) {
        int content = Texts.width(hint);
        for (String line : body) {
            content = Math.max(content, Texts.width(line));
        }
        content = Math.max(content, Texts.width(title) + 2);
        int width = Math.min(content + Overlay.FRAME_WIDTH, Math.min(maxWidth, screen.width()));
        int innerWidth = Math.max(0, width - Overlay.FRAME_WIDTH);
        List<String> lines = new ArrayList<>();
        for (String line : body) {
            lines.addAll(Texts.wrap(line, Math.max(1, innerWidth)));
        }
        int wanted = Overlay.FRAME_HEIGHT + lines.size() + (hint.isEmpty() ? 0 : 2);
        Region box = Overlay.place(screen, width, wanted);
        if (box.isEmpty()) {
            return box;
        }
        Region area = Overlay.frame(canvas, box, title, border);
        int rows = area.height();
        int bodyRows = hint.isEmpty() ? rows : rows - 1;
        String ell = canvas.glyphs().ellipsis();
        for (int i = 0; i < bodyRows && i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == bodyRows - 1 && lines.size() > bodyRows) {
                line = Texts.truncate(line, area.width() - Texts.width(ell)) + ell;
            }
            TextLine.left(canvas, area, i, line, Role.DIALOG);
        }
        if (!hint.isEmpty() && rows > 0) {
            int w = Texts.width(hint);
            int column = w < area.width() ? (area.width() - w) / 2 : 0;
            TextLine.keyed(canvas, area, column, rows - 1, hint, Role.DIALOG, Role.DIALOG_KEY);
        }
        return box;
    }
}
