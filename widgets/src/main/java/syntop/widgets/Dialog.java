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
 * it is drawn in. Lines are wrapped, never cut; a line's indent is kept on its continuation lines
 * (two columns deeper), so a wrapped command stays readable. The hint is broken at its double
 * spaces when it is wider than the box. When the body does not fit, the box shows a window of it
 * from {@link #scroll} and a last body row that says which lines are on screen and how to scroll;
 * {@link #window} tells the caller where the window is, so it can tell when everything has been
 * shown. On a screen too small even for that row, the last visible line ends in an ellipsis.
 * Body in {@link Role#DIALOG}, border in {@link Role#DIALOG_BORDER} (changeable, for example to
 * {@link Role#CRITICAL} for a destructive action), title in {@link Role#DIALOG_TITLE}. Immutable.
 */
public final class Dialog {

    private final String title;
    private final List<String> body;
    private final String hint;
    private final Role border;
    private final int maxWidth;
    private final int first;

    /** The part of the (wrapped) body on screen: lines {@code first} to {@code first + rows - 1} of {@code total}. */
    public record Window(int first, int rows, int total) {
        /** True when the last line is on screen. */
        public boolean atEnd() {
            return first + rows >= total;
        }
    }

    private Dialog(String title, List<String> body, String hint, Role border, int maxWidth, int first) {
        this.title = title == null ? "" : title;
        this.body = body;
        this.hint = hint == null ? "" : hint;
        this.border = border;
        this.maxWidth = maxWidth;
        this.first = first;
    }

    public static Dialog of(String title, List<String> body, String hint) {
        return new Dialog(title, List.copyOf(body), hint, Role.DIALOG_BORDER, 72, 0);
    }

    /** Draws the border in {@code role} instead of {@link Role#DIALOG_BORDER}. */
    public Dialog border(Role role) {
        return new Dialog(title, body, hint, role, maxWidth, first);
    }

    /** The widest the box may be, border included (default 72). */
    public Dialog maxWidth(int columns) {
        return new Dialog(title, body, hint, border, columns, first);
    }

    /** Shows the body from its wrapped line {@code line} on, when it does not fit (clamped at draw time). */
    public Dialog scroll(int line) {
        return new Dialog(title, body, hint, border, maxWidth, Math.max(0, line));
    }

    /** Where the body's window would be if the dialog were drawn in {@code screen}. */
    public Window window(Region screen) {
        return layout(screen).window;
    }

    /** Draws the dialog centred in {@code screen}; returns the box's region. */
    public Region draw(Canvas canvas, Region screen) {
        Layout l = layout(screen);
        if (l.box.isEmpty()) {
            return l.box;
        }
        Region area = Overlay.frame(canvas, l.box, title, border);
        String ell = canvas.glyphs().ellipsis();
        Window w = l.window;
        for (int i = 0; i < w.rows(); i++) {
            String line = l.lines.get(w.first() + i);
            if (!l.scrolls && i == w.rows() - 1 && !w.atEnd()) {
                line = Texts.truncate(line, area.width() - Texts.width(ell)) + ell;
            }
            TextLine.left(canvas, area, i, line, Role.DIALOG);
        }
        if (l.scrolls) {
            TextLine.keyed(canvas, area, 0, w.rows(), Texts.ellipsize(position(w), area.width(), ell), Role.DIALOG, Role.DIALOG_KEY);
        }
        for (int i = 0; i < l.hint.size(); i++) {
            String h = l.hint.get(i);
            int hw = Texts.width(h);
            int column = hw < area.width() ? (area.width() - hw) / 2 : 0;
            TextLine.keyed(canvas, area, column, area.height() - l.hint.size() + i, h, Role.DIALOG, Role.DIALOG_KEY);
        }
        return l.box;
    }

    private static String position(Window w) {
        return "lines " + (w.first() + 1) + "-" + (w.first() + w.rows()) + " of " + w.total()
                + (w.atEnd() ? "  " : ", more below  ") + "[↓ j PgDn] [↑ k PgUp] [Home End]";
    }

    private record Layout(Region box, List<String> lines, List<String> hint, Window window, boolean scrolls) {
    }

    private Layout layout(Region screen) {
        int content = 0;
        for (String line : body) {
            content = Math.max(content, Texts.width(line));
        }
        content = Math.max(Math.max(content, Texts.width(hint)), Texts.width(title) + 2);
        if (Overlay.FRAME_HEIGHT + body.size() + 2 > screen.height()) { // it will scroll: room for the position row
            content = Math.max(content, Texts.width(position(new Window(999, 999, 9999))));
        }
        int width = Math.min(content + Overlay.FRAME_WIDTH, Math.min(maxWidth, screen.width()));
        int innerWidth = Math.max(1, width - Overlay.FRAME_WIDTH);
        List<String> lines = new ArrayList<>();
        for (String line : body) {
            lines.addAll(wrapIndented(line, innerWidth));
        }
        List<String> hints = hint.isEmpty() ? List.of() : wrapHint(hint, innerWidth);
        int wanted = Overlay.FRAME_HEIGHT + lines.size() + (hints.isEmpty() ? 0 : 1 + hints.size());
        Region box = Overlay.place(screen, width, wanted);
        int rows = Math.max(0, box.height() - Overlay.FRAME_HEIGHT);
        // the hint stays, but leaves at least one body row
        List<String> shownHint = hints.subList(0, Math.min(hints.size(), Math.max(rows > 1 ? 1 : 0, rows - 1)));
        int bodyRows = rows - shownHint.size(); // the blank row above the hint goes first when short
        boolean scrolls = lines.size() > bodyRows && bodyRows >= 2;
        int visible = scrolls ? bodyRows - 1 : bodyRows;
        visible = Math.min(visible, lines.size());
        int top = scrolls ? Math.min(first, lines.size() - visible) : 0;
        return new Layout(box, lines, shownHint, new Window(top, visible, lines.size()), scrolls);
    }

    /** Wraps {@code line}, keeping its indent, continuation lines two columns deeper. */
    static List<String> wrapIndented(String line, int width) {
        int indent = 0;
        while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\u00a0')) {
            indent++;
        }
        if (indent == 0 || indent + 4 > width / 2) {
            return Texts.wrap(line, width);
        }
        String pad = " ".repeat(indent);
        List<String> out = new ArrayList<>();
        List<String> parts = Texts.wrap(line.substring(indent), width - indent - 2);
        for (int i = 0; i < parts.size(); i++) {
            out.add((i == 0 ? pad : pad + "  ") + parts.get(i));
        }
        return out;
    }

    /** The hint on as few rows as it needs, broken between its keys (at double spaces). */
    private static List<String> wrapHint(String hint, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (String part : hint.split("  +")) {
            if (row.length() > 0 && Texts.width(row.toString()) + 2 + Texts.width(part) > width) {
                out.add(row.toString());
                row.setLength(0);
            }
            row.append(row.length() > 0 ? "  " : "").append(part);
        }
        out.add(row.toString());
        return out;
    }
}
