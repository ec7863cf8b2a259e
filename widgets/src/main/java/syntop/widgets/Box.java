package syntop.widgets;

import syntop.themes.Role;

/**
 * A bordered panel: {@code ┌─ Title ───── info ─┐}. The border is drawn in {@link Role#BORDER},
 * or {@link Role#FOCUS_BORDER} when focused, the title in {@link Role#TITLE}; both can be changed.
 * The optional info text sits at the right of the top border (for example {@code 12/340}); when
 * space is short it goes first, then the title is shortened.
 *
 * <p>{@link #draw} returns the inner region for the content. A region less than 2 cells wide or
 * high has no room for a border: nothing is drawn and the whole region is returned, so the content
 * still shows. Immutable.
 */
public final class Box {

    private final String title;
    private final String info;
    private final boolean focused;
    private final Role borderRole;
    private final Role titleRole;
    private final Role fillRole;

    private Box(String title, String info, boolean focused, Role borderRole, Role titleRole, Role fillRole) {
        this.title = title == null ? "" : title;
        this.info = info == null ? "" : info;
        this.focused = focused;
        this.borderRole = borderRole;
        this.titleRole = titleRole;
        this.fillRole = fillRole;
    }

    /** A box with this title (may be empty), not focused, not filled. */
    public static Box of(String title) {
        return new Box(title, "", false, null, Role.TITLE, null);
    }

    public Box focused(boolean focused) {
        return new Box(title, info, focused, borderRole, titleRole, fillRole);
    }

    /** Text at the right end of the top border. */
    public Box info(String info) {
        return new Box(title, info, focused, borderRole, titleRole, fillRole);
    }

    /** Draws the border in {@code role} whether focused or not. */
    public Box borderRole(Role role) {
        return new Box(title, info, focused, role, titleRole, fillRole);
    }

    public Box titleRole(Role role) {
        return new Box(title, info, focused, borderRole, role, fillRole);
    }

    /** Clears the inside with spaces in {@code role} before returning it; null (the default) leaves it. */
    public Box fill(Role role) {
        return new Box(title, info, focused, borderRole, titleRole, role);
    }

    /** The region a border around {@code r} leaves for content. */
    public static Region inner(Region r) {
        if (r.width() < 2 || r.height() < 2) {
            return r;
        }
        return r.inset(1);
    }

    /** Draws the border (and the fill) and returns the inner region. */
    public Region draw(Canvas canvas, Region r) {
        if (r.width() < 2 || r.height() < 2) {
            if (fillRole != null) {
                canvas.clear(r, fillRole);
            }
            return r;
        }
        Glyphs g = canvas.glyphs();
        Role border = borderRole != null ? borderRole : focused ? Role.FOCUS_BORDER : Role.BORDER;
        int right = r.right() - 1;
        int bottom = r.bottom() - 1;
        for (int x = r.x() + 1; x < right; x++) {
            canvas.put(r, x, r.y(), g.boxHorizontal(), border);
            canvas.put(r, x, bottom, g.boxHorizontal(), border);
        }
        for (int y = r.y() + 1; y < bottom; y++) {
            canvas.put(r, r.x(), y, g.boxVertical(), border);
            canvas.put(r, right, y, g.boxVertical(), border);
        }
        canvas.put(r, r.x(), r.y(), g.boxTopLeft(), border);
        canvas.put(r, right, r.y(), g.boxTopRight(), border);
        canvas.put(r, r.x(), bottom, g.boxBottomLeft(), border);
        canvas.put(r, right, bottom, g.boxBottomRight(), border);
        drawHeading(canvas, r, g);
        Region inner = r.inset(1);
        if (fillRole != null) {
            canvas.clear(inner, fillRole);
        }
        return inner;
    }

    private void drawHeading(Canvas canvas, Region r, Glyphs g) {
        // between "┌─" and "─┐"
        int avail = r.width() - 4;
        if (avail < 3 || (title.isEmpty() && info.isEmpty())) {
            return;
        }
        int titleWidth = title.isEmpty() ? 0 : Texts.width(title) + 2;
        int infoWidth = info.isEmpty() ? 0 : Texts.width(info) + 2;
        boolean showInfo = infoWidth > 0 && titleWidth + infoWidth + (titleWidth > 0 ? 1 : 0) <= avail;
        Region top = r.row(0);
        if (titleWidth > 0) {
            String t = " " + Texts.ellipsize(title, avail - 2, g.ellipsis()) + " ";
            canvas.text(top, r.x() + 2, r.y(), t, titleRole);
        }
        if (showInfo) {
            canvas.text(top, r.right() - 2 - infoWidth, r.y(), " " + info + " ", titleRole);
        }
    }
}
