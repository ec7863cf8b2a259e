package syntop.tui.keys;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import syntop.widgets.HelpOverlay;
import syntop.widgets.Texts;

/**
 * Every key of the console in one table, as htop keeps its keys: what it does, the help text, the
 * modes it works in, its footer label and footer priority. The loop, the footer, the help overlay
 * and README's key list (through a test) all read this table, so none of them can leave a key out.
 * Keys held by the open dialog (scrolling, y/n) are the dialog's own and not listed here.
 */
public final class Keymap {

    /** What the console shows: live sampling, a recording played back, a capture bundle. */
    public enum Mode {
        LIVE("live"), REPLAY("replay"), CAPTURE("a capture");

        private final String shown;

        Mode(String shown) {
            this.shown = shown;
        }

        /** What a key that does nothing here says, e.g. {@code "p: not in replay"}. */
        public String notHere(String key) {
            return key + ": not " + (this == CAPTURE ? "on " : "in ") + shown + "; it acts on the live machine";
        }
    }

    /** What a key does. */
    public enum Action {
        QUIT, PAUSE, DETAILS, EXPLAIN, DELAY_LONGER, DELAY_SHORTER, FOCUS, UP, DOWN, PAGE_UP, PAGE_DOWN, SORT, FILTER, THEME, ASCII, HELP,
        PROFILE, UNDO, DROP, BLOCK, BLOCKED, SYNPROXY,
        REPLAY_PLAY, REPLAY_STEP, REPLAY_SPEED, REPLAY_FIRST_VERDICT, REPLAY_NEXT_VERDICT, REPLAY_ENDS;

        /** Keys that act on the machine: in replay and on a capture they say they cannot. */
        public boolean acts() {
            return this == PROFILE || this == UNDO || this == DROP || this == BLOCK || this == BLOCKED || this == SYNPROXY;
        }
    }

    /**
     * One row: {@code keys} are key names as {@link #name} gives them; {@code shown} is how help and
     * README write them; {@code footer} the footer label (empty: not in the footer); lower
     * {@code priority} stays in the footer longer when columns are short.
     */
    public record Binding(Action action, List<String> keys, String shown, String help, Set<Mode> modes, String footer,
                          int priority) {
    }

    private static final Set<Mode> ALL = EnumSet.allOf(Mode.class);
    private static final Set<Mode> LIVE = EnumSet.of(Mode.LIVE);
    private static final Set<Mode> PLAYBACK = EnumSet.of(Mode.REPLAY);

    /** The table, in the order of the footer and the help overlay. */
    public static final List<Binding> KEYS = List.of(
            new Binding(Action.QUIT, List.of("q", "Q", "F10", "Ctrl-C"), "q F10 Ctrl-C", "quit", ALL, "[q]uit", 0),
            new Binding(Action.PAUSE, List.of("space"), "space", "pause: freeze the view (sampling goes on)", LIVE,
                    "[space]pause", 2),
            new Binding(Action.REPLAY_PLAY, List.of("space"), "space", "replay: pause or play", PLAYBACK, "[space]play", 2),
            new Binding(Action.REPLAY_STEP, List.of(",", ".", "Left", "Right"), ", . ← →",
                    "replay: one tick back or forward (pauses)", PLAYBACK, "[,.]step", 3),
            new Binding(Action.REPLAY_SPEED, List.of("1", "2", "3", "<", ">"), "1 2 3 < >",
                    "replay speed: x1, x10, x60, slower, faster", PLAYBACK, "[123]speed", 4),
            new Binding(Action.REPLAY_FIRST_VERDICT, List.of("v"), "v", "replay: jump to the first verdict", PLAYBACK,
                    "[v]erdict", 4),
            new Binding(Action.REPLAY_NEXT_VERDICT, List.of("n"), "n", "replay: jump to where the next verdict starts",
                    PLAYBACK, "[n]ext", 4),
            new Binding(Action.REPLAY_ENDS, List.of("Home", "End"), "Home End", "replay: first or last tick", PLAYBACK,
                    "[Home/End]", 5),
            new Binding(Action.DELAY_LONGER, List.of("+", "="), "+",
                    "sample less often: 1 → 2 → 3 → 5 → 10 s", LIVE, "[+-]delay", 5),
            new Binding(Action.DELAY_SHORTER, List.of("-"), "-", "sample more often, down to 0.5 s", LIVE, "", 3),
            new Binding(Action.FOCUS, List.of("Tab"), "Tab", "move focus between panels", ALL, "[Tab]focus", 3),
            new Binding(Action.UP, List.of("Up", "k"), "↑ k", "select the row above", ALL, "[jk]select", 6),
            new Binding(Action.DOWN, List.of("Down", "j"), "↓ j", "select the row below", ALL, "", 6),
            new Binding(Action.PAGE_UP, List.of("PgUp"), "PgUp", "10 rows up", ALL, "", 9),
            new Binding(Action.PAGE_DOWN, List.of("PgDn"), "PgDn", "10 rows down", ALL, "", 9),
            new Binding(Action.DETAILS, List.of("Enter"), "Enter",
                    "details: every verdict's evidence, every number of the selected row (Esc closes)", ALL,
                    "[Enter]details", 7),
            new Binding(Action.EXPLAIN, List.of("e"), "e",
                    "explain the selected row and the verdict line: meaning, defaults, limits, sources (Esc closes)", ALL,
                    "[e]xplain", 7),
            new Binding(Action.SORT, List.of("s"), "s", "sort the focused panel by its next column", ALL, "[s]ort", 4),
            new Binding(Action.FILTER, List.of("/"), "/", "filter by port or address (Enter: apply, Esc: cancel)", ALL,
                    "[/]filter", 7),
            new Binding(Action.THEME, List.of("t"), "t", "next colour theme", ALL, "[t]heme", 8),
            new Binding(Action.ASCII, List.of("a"), "a", "Unicode or ASCII glyphs", ALL, "[a]scii", 8),
            new Binding(Action.PROFILE, List.of("p"), "p", "apply a sysctl profile: pick, see the diff, confirm", LIVE,
                    "[p]rofile", 1),
            new Binding(Action.UNDO, List.of("u"), "u", "undo the last profile, or the SYN proxy when it is newer", LIVE,
                    "[u]ndo", 1),
            new Binding(Action.DROP, List.of("d"), "d", "drop the selected remote's or matching connections", LIVE,
                    "[d]rop", 1),
            new Binding(Action.BLOCK, List.of("b"), "b", "block the selected remote or the top SYN_RCVD sources", LIVE,
                    "[b]lock", 1),
            new Binding(Action.BLOCKED, List.of("B"), "B", "what syntop blocked; unblock", LIVE, "[B]locked", 1),
            new Binding(Action.SYNPROXY, List.of("P"), "P", "SYN proxy for the selected queue's port (or the flood's); o off",
                    LIVE, "[P]roxy", 1),
            new Binding(Action.HELP, List.of("?", "h", "F1"), "? h F1", "this help (Esc closes)", ALL, "[?]help", 0));

    private Keymap() {
    }

    /** The key's name in the table: its character, or {@code Tab}, {@code Up}, {@code F1}, {@code Ctrl-C}, …. */
    public static String name(KeyStroke k) {
        KeyType t = k.getKeyType();
        if (t == KeyType.Character) {
            char c = k.getCharacter();
            if (k.isCtrlDown()) {
                return "Ctrl-" + Character.toUpperCase(c);
            }
            return c == ' ' ? "space" : String.valueOf(c);
        }
        return switch (t) {
            case ArrowUp -> "Up";
            case ArrowDown -> "Down";
            case ArrowLeft -> "Left";
            case ArrowRight -> "Right";
            case PageUp -> "PgUp";
            case PageDown -> "PgDn";
            case F1 -> "F1";
            case F10 -> "F10";
            case Enter -> "Enter";
            default -> t.name();
        };
    }

    /** The binding of {@code k} in {@code mode}. */
    public static Optional<Binding> find(KeyStroke k, Mode mode) {
        String n = name(k);
        return KEYS.stream().filter(b -> b.modes().contains(mode) && b.keys().contains(n)).findFirst();
    }

    /** The binding of {@code k} in any mode (to say "not in replay"). */
    public static Optional<Binding> anywhere(KeyStroke k) {
        String n = name(k);
        return KEYS.stream().filter(b -> b.keys().contains(n)).findFirst();
    }

    /** The help overlay's lines for {@code mode}. */
    public static List<HelpOverlay.Entry> help(Mode mode) {
        List<HelpOverlay.Entry> out = new ArrayList<>();
        for (Binding b : KEYS) {
            if (b.modes().contains(mode)) {
                out.add(new HelpOverlay.Entry(b.shown(), b.help()));
            }
        }
        if (mode != Mode.LIVE) {
            out.add(new HelpOverlay.Entry("p u d b B", "act on the live machine: not here"));
        }
        return out;
    }

    /**
     * The footer for {@code mode} in {@code width} columns: the labels in table order, the ones of
     * highest priority number left out first until it fits ({@code [?]help}, which lists the rest,
     * and {@code [q]uit} stay).
     */
    public static String footer(Mode mode, int width) {
        List<Binding> shown = new ArrayList<>(KEYS.stream().filter(b -> b.modes().contains(mode) && !b.footer().isEmpty())
                .toList());
        while (Texts.width(join(shown)) > width && shown.size() > 2) {
            Binding worst = shown.stream().max((x, y) -> Integer.compare(x.priority(), y.priority())).orElseThrow();
            if (worst.priority() == 0) {
                break;
            }
            // of equal priority, the later one goes first
            int last = -1;
            for (int i = 0; i < shown.size(); i++) {
                if (shown.get(i).priority() == worst.priority()) {
                    last = i;
                }
            }
            shown.remove(last);
        }
        return join(shown);
    }

    private static String join(List<Binding> bs) {
        return String.join(" ", bs.stream().map(Binding::footer).toList());
    }
}
