package syntop.tui.dialog;

/** Where dialogs live: the one open over the console, and the status line under it. */
public interface DialogHost {
    /** Opens {@code box} in place of the open dialog; null closes it. */
    void show(Box box);

    /** A line for the status row, kept a few seconds; {@code bad} draws it as a warning. */
    void status(String text, boolean bad);
}
