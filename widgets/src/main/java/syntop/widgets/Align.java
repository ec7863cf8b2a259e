package syntop.widgets;

/** Horizontal alignment of text in a field. */
public enum Align {
    LEFT, CENTER, RIGHT
}
