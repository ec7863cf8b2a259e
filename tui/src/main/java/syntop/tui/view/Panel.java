package syntop.tui.view;

/** The panels that take focus with Tab, in order. */
public enum Panel {
    STATES("States"),
    LISTEN("Listen queues"),
    DEFENCES("SYN defences"),
    REMOTES("Top remotes");

    private final String title;

    Panel(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public Panel next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
