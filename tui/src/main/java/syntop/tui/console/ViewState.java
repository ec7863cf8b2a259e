package syntop.tui.console;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;


/**
 * What the operator has chosen on screen: pause, focus, selection, sort, filter, theme, glyphs,
 * overlays. Owned by the render thread only.
 */
public final class ViewState {
    /** How the listen-queue and remote lists are ordered; {@code s} cycles. */
    public enum Sort {
        FULLEST("fullest"), PORT("port"), NAME("address");

        private final String label;

        Sort(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        Sort next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    private boolean paused;
    private Frame frozen;
    private Panel focus = Panel.LISTEN;
    private final Map<Panel, Integer> selection = new EnumMap<>(Panel.class);
    private Sort sort = Sort.FULLEST;
    private String filter = "";
    private String filterDraft;
    private boolean help;
    private String themeName;
    private boolean ascii;
    private Duration interval;

    private String modeLabel;
    private Keymap.Mode keymapMode = Keymap.Mode.LIVE;
    private String notice;

    public ViewState(String themeName, boolean ascii, Duration interval) {
        this.themeName = themeName;
        this.ascii = ascii;
        this.interval = interval;
    }

    /** The frame to draw: the frozen one while paused, else the latest. */
    public Optional<Frame> visible(Frame latest) {
        return Optional.ofNullable(paused ? frozen : latest);
    }

    public void togglePause(Frame latest) {
        paused = !paused;
        frozen = paused ? latest : null;
    }

    public boolean paused() {
        return paused;
    }

    public Panel focus() {
        return focus;
    }

    public void focusNext() {
        focus = focus.next();
    }

    public int selection(Panel p) {
        return selection.getOrDefault(p, 0);
    }

    public void moveSelection(int delta) {
        selection.put(focus, Math.max(0, selection(focus) + delta));
    }

    /** Keeps a panel's selection inside its row count (called when drawing). */
    public int clampSelection(Panel p, int rows) {
        int s = Math.max(0, Math.min(selection(p), rows - 1));
        selection.put(p, s);
        return s;
    }

    public Sort sort() {
        return sort;
    }

    public void nextSort() {
        sort = sort.next();
    }

    public String filter() {
        return filter;
    }

    /** Non-empty while the operator is typing a filter after {@code /}. */
    public Optional<String> filterDraft() {
        return Optional.ofNullable(filterDraft);
    }

    public void startFilter() {
        filterDraft = filter;
    }

    public void editFilter(String draft) {
        filterDraft = draft;
    }

    public void commitFilter() {
        filter = filterDraft == null ? filter : filterDraft.strip();
        filterDraft = null;
        selection.clear();
    }

    public void cancelFilter() {
        filterDraft = null;
    }

    public boolean help() {
        return help;
    }

    public void toggleHelp() {
        help = !help;
    }

    public String themeName() {
        return themeName;
    }

    public void themeName(String name) {
        themeName = name;
    }

    public boolean ascii() {
        return ascii;
    }

    public void toggleAscii() {
        ascii = !ascii;
    }

    /** What the header says instead of "live" / "PAUSED" (replay, recording), if anything. */
    public Optional<String> modeLabel() {
        return Optional.ofNullable(modeLabel);
    }

    public void modeLabel(String label) {
        modeLabel = label;
    }

    /** Which keys work, for the footer and the help overlay. */
    public void keymapMode(Keymap.Mode mode) {
        keymapMode = mode;
    }

    public Keymap.Mode keymapMode() {
        return keymapMode;
    }

    /** A one-line answer to the last key (a key that does nothing here says why); null clears it. */
    public void notice(String text) {
        notice = text;
    }

    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    public Duration interval() {
        return interval;
    }

    public void interval(Duration d) {
        interval = d;
    }
}
