package syntop.widgets;

import syntop.themes.Role;

/** The centred, filled, bordered box under {@link Dialog} and {@link HelpOverlay}. */
final class Overlay {

    /** Border, and a column of padding each side, around the content. */
    static final int FRAME_WIDTH = 4;
    /** Border above and below the content. */
    static final int FRAME_HEIGHT = 2;

    private Overlay() {
    }

    /** The box of (at most) {@code width} by {@code height} centred in {@code screen}. */
    static Region place(Region screen, int width, int height) {
        return screen.centered(width, height);
    }

    /**
     * Draws the box in {@code box} and returns the content area: inside the border, less one
     * column of padding each side when there is room.
     */
    static Region frame(Canvas canvas, Region box, String title, Role border) {
        Region inner = Box.of(title)
                .borderRole(border)
                .titleRole(Role.DIALOG_TITLE)
                .fill(Role.DIALOG)
                .draw(canvas, box);
        return inner.width() >= 3 ? inner.inset(0, 1, 0, 1) : inner;
    }
}
