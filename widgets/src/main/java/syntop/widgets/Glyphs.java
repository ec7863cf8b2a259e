package syntop.widgets;

import java.util.Locale;
import java.util.Map;

/**
 * The characters widgets draw with, as a Unicode set and an ASCII set of the same shape, so every
 * widget draws the same layout in both. Every glyph here is one cell wide.
 */
public final class Glyphs {

    /** Block elements, box drawing and arrows; for UTF-8 terminals. */
    public static final Glyphs UNICODE = new Glyphs(
            "unicode", true,
            " ▏▎▍▌▋▊▉█", '·', '▓',
            "▁▂▃▄▅▆▇█", ' ',
            "┌┐└┘─│",
            '↑', '↓', '▲', '▼', "…");

    /** Seven-bit ASCII only; for any terminal. Bars fill whole cells only. */
    public static final Glyphs ASCII = new Glyphs(
            "ascii", false,
            " #", '.', '=',
            "_.-=+*#@", ' ',
            "++++-|",
            '^', 'v', '^', 'v', "~");

    private final String name;
    private final boolean unicode;
    private final String barSteps;
    private final char barEmpty;
    private final char barInner;
    private final String sparkLevels;
    private final char sparkGap;
    private final String box;
    private final char up;
    private final char down;
    private final char sortAscending;
    private final char sortDescending;
    private final String ellipsis;

    private Glyphs(String name, boolean unicode, String barSteps, char barEmpty, char barInner,
                   String sparkLevels, char sparkGap, String box, char up, char down,
                   char sortAscending, char sortDescending, String ellipsis) {
        this.name = name;
        this.unicode = unicode;
        this.barSteps = barSteps;
        this.barEmpty = barEmpty;
        this.barInner = barInner;
        this.sparkLevels = sparkLevels;
        this.sparkGap = sparkGap;
        this.box = box;
        this.up = up;
        this.down = down;
        this.sortAscending = sortAscending;
        this.sortDescending = sortDescending;
        this.ellipsis = ellipsis;
    }

    /**
     * {@link #UNICODE} when the locale's character type is UTF-8, else {@link #ASCII}. The locale
     * is the first non-empty of {@code LC_ALL}, {@code LC_CTYPE}, {@code LANG} (POSIX order);
     * UTF-8 means its codeset is {@code UTF-8} or {@code utf8}, in any case.
     */
    public static Glyphs forLocale(Map<String, String> env) {
        for (String var : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(var);
            if (v != null && !v.isEmpty()) {
                String codeset = v.toLowerCase(Locale.ROOT);
                int dot = codeset.indexOf('.');
                codeset = dot < 0 ? codeset : codeset.substring(dot + 1);
                int at = codeset.indexOf('@');
                codeset = at < 0 ? codeset : codeset.substring(0, at);
                return codeset.equals("utf-8") || codeset.equals("utf8") ? UNICODE : ASCII;
            }
        }
        return ASCII;
    }

    /** {@code unicode} or {@code ascii}. */
    public String name() {
        return name;
    }

    public boolean isUnicode() {
        return unicode;
    }

    /** How many steps one bar cell is divided into: 8 in Unicode (eighths), 1 in ASCII. */
    public int barStepsPerCell() {
        return barSteps.length() - 1;
    }

    /**
     * The bar cell filled {@code steps} of {@link #barStepsPerCell()}: 0 is a blank, the maximum is
     * the full block.
     */
    public char barStep(int steps) {
        return barSteps.charAt(Math.max(0, Math.min(steps, barStepsPerCell())));
    }

    /** A completely filled bar cell. */
    public char barFull() {
        return barStep(barStepsPerCell());
    }

    /** An unfilled bar cell. */
    public char barEmpty() {
        return barEmpty;
    }

    /** A bar cell of the inner (second) value, distinct from {@link #barFull()} without colour. */
    public char barInner() {
        return barInner;
    }

    /** Number of sparkline levels (8). */
    public int sparkLevelCount() {
        return sparkLevels.length();
    }

    /** Sparkline glyph for level 0 (lowest) to {@code sparkLevelCount() - 1} (highest). */
    public char sparkLevel(int level) {
        return sparkLevels.charAt(Math.max(0, Math.min(level, sparkLevels.length() - 1)));
    }

    /** Sparkline glyph for a missing value. */
    public char sparkGap() {
        return sparkGap;
    }

    public char boxTopLeft() {
        return box.charAt(0);
    }

    public char boxTopRight() {
        return box.charAt(1);
    }

    public char boxBottomLeft() {
        return box.charAt(2);
    }

    public char boxBottomRight() {
        return box.charAt(3);
    }

    public char boxHorizontal() {
        return box.charAt(4);
    }

    public char boxVertical() {
        return box.charAt(5);
    }

    /** Rising trend or "more above". */
    public char arrowUp() {
        return up;
    }

    /** Falling trend or "more below". */
    public char arrowDown() {
        return down;
    }

    public char sortAscending() {
        return sortAscending;
    }

    public char sortDescending() {
        return sortDescending;
    }

    /** Marks text cut short; one cell wide. */
    public String ellipsis() {
        return ellipsis;
    }

    @Override
    public String toString() {
        return "Glyphs[" + name + "]";
    }
}
