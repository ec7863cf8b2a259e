package syntop.tui.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import syntop.collectors.judge.JudgedTick;
import syntop.tui.keys.Keymap;

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

        /** The order with this label (as saved in the preferences). */
        public static Optional<Sort> byLabel(String label) {
            return java.util.Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
        }

        /** The order panel {@code p} shows: Top remotes has no port column, so "port" is "fullest" there. */
        public Sort on(Panel p) {
            return p == Panel.REMOTES && this == PORT ? FULLEST : this;
        }
    }

    private boolean paused;
    private JudgedTick frozen;
    private Panel focus = Panel.LISTEN;
    private boolean filterSelected;
    private boolean details;
    private boolean explain;
    private int detailsFirst;
    private Set<Panel> shown = EnumSet.allOf(Panel.class);
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

    /** How long a flash line (the theme now on, a warning) replaces the footer, from when it is first drawn. */
    public static final Duration FLASH_FOR = Duration.ofSeconds(8);

    private final Clock clock;
    private String flash;
    private boolean flashWarns;
    /** Null until the flash is first drawn (a slow start must not use up its time). */
    private Instant flashUntil;

    public ViewState(String themeName, boolean ascii, Duration interval) {
        this(themeName, ascii, interval, Clock.systemUTC());
    }

    public ViewState(String themeName, boolean ascii, Duration interval, Clock clock) {
        this.themeName = themeName;
        this.ascii = ascii;
        this.interval = interval;
        this.clock = clock;
    }

    /** Shows {@code text} in place of the footer for a few seconds; {@code warns}: in warning colours. */
    public void flash(String text, boolean warns) {
        flash = text;
        flashWarns = warns;
        flashUntil = null;
    }

    /** The flash line while it is shown; asking is drawing it, which starts its time. */
    public Optional<String> flash() {
        if (flash == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (flashUntil == null) {
            flashUntil = now.plus(FLASH_FOR);
        }
        return now.isBefore(flashUntil) ? Optional.of(flash) : Optional.empty();
    }

    public boolean flashWarns() {
        return flashWarns;
    }

    /** The frame to draw: the frozen one while paused, else the latest. */
    public Optional<JudgedTick> visible(JudgedTick latest) {
        return Optional.ofNullable(paused ? frozen : latest);
    }

    public void togglePause(JudgedTick latest) {
        paused = !paused;
        frozen = paused ? latest : null;
    }

    public boolean paused() {
        return paused;
    }

    public Panel focus() {
        return focus;
    }

    /** The next panel on screen. */
    public void focusNext() {
        Panel p = focus.next();
        while (!shown.contains(p) && p != focus) {
            p = p.next();
        }
        focus = p;
    }

    /** The panels the last layout put on screen; a focus on a hidden panel moves to the first shown. */
    public void shownPanels(Set<Panel> panels) {
        shown = EnumSet.copyOf(panels);
        if (!shown.contains(focus)) {
            focus = shown.contains(Panel.LISTEN) ? Panel.LISTEN : shown.iterator().next();
        }
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

    public void sort(Sort s) {
        sort = s;
    }

    /** The focused panel's next order (the panel without a port column skips "port"). */
    public void nextSort() {
        Sort before = sort.on(focus);
        do {
            sort = sort.next();
        } while (sort.on(focus) == before);
    }

    public String filter() {
        return filter;
    }

    /** Non-empty while the operator is typing a filter after {@code /}. */
    public Optional<String> filterDraft() {
        return Optional.ofNullable(filterDraft);
    }

    /** Opens the filter with the one in use, selected, so that typing replaces it. */
    public void startFilter() {
        filterDraft = filter;
        filterSelected = !filter.isEmpty();
    }

    /** True while the draft is the old filter untouched: the next character replaces it. */
    public boolean filterSelected() {
        return filterSelected;
    }

    public void editFilter(String draft) {
        filterDraft = draft;
        filterSelected = false;
    }

    public void commitFilter() {
        filter = filterDraft == null ? filter : filterDraft.strip();
        filterDraft = null;
        selection.clear();
    }

    public void cancelFilter() {
        filterDraft = null;
    }

    /** True while the detail view (Enter) is open. */
    public boolean details() {
        return details;
    }

    public void toggleDetails() {
        details = !details;
        detailsFirst = 0;
    }

    /** True while the explanation of the selected row ({@code e}) is open; it scrolls as the details do. */
    public boolean explain() {
        return explain;
    }

    public void toggleExplain() {
        explain = !explain;
        detailsFirst = 0;
    }

    /** The first line of the detail view on screen (clamped when drawn). */
    public int detailsFirst() {
        return detailsFirst;
    }

    public void detailsFirst(int line) {
        detailsFirst = Math.max(0, line);
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
