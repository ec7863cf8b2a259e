package syntop.themes;

import java.util.Locale;

/**
 * How text in one role looks: foreground, background and three attributes.
 *
 * <p>Written in theme files as {@code [fg] [on bg] [bold] [reverse] [underline]}, words in any
 * order after the foreground, for example {@code red_bright bold}, {@code black on cyan},
 * {@code reverse}. A missing colour is {@code default}.
 */
public record Style(ColorSpec foreground, ColorSpec background, boolean bold, boolean reverse, boolean underline) {

    /** Terminal default colours, no attributes. */
    public static final Style DEFAULT = new Style(ColorSpec.DEFAULT, ColorSpec.DEFAULT, false, false, false);

    public Style {
        if (foreground == null) {
            foreground = ColorSpec.DEFAULT;
        }
        if (background == null) {
            background = ColorSpec.DEFAULT;
        }
    }

    /** A style with a foreground colour and nothing else. */
    public static Style fg(ColorSpec foreground) {
        return new Style(foreground, ColorSpec.DEFAULT, false, false, false);
    }

    public Style withForeground(ColorSpec c) {
        return new Style(c, background, bold, reverse, underline);
    }

    public Style withBackground(ColorSpec c) {
        return new Style(foreground, c, bold, reverse, underline);
    }

    public Style withBold(boolean on) {
        return new Style(foreground, background, on, reverse, underline);
    }

    public Style withReverse(boolean on) {
        return new Style(foreground, background, bold, on, underline);
    }

    public Style withUnderline(boolean on) {
        return new Style(foreground, background, bold, reverse, on);
    }

    /** True when both colours are {@code default} or one of the sixteen ANSI colours. */
    public boolean isSixteenColorSafe() {
        return foreground.isSixteenColorSafe() && background.isSixteenColorSafe();
    }

    /** True when either colour is not {@code default}. */
    public boolean usesColor() {
        return !(foreground instanceof ColorSpec.Default) || !(background instanceof ColorSpec.Default);
    }

    /**
     * Parses the value side of a theme line.
     *
     * @throws IllegalArgumentException with a message fit for a user
     */
    public static Style parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty style");
        }
        ColorSpec fg = null;
        ColorSpec bg = null;
        boolean bold = false;
        boolean reverse = false;
        boolean underline = false;
        String[] words = text.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i].toLowerCase(Locale.ROOT);
            switch (w) {
                case "bold" -> bold = true;
                case "reverse" -> reverse = true;
                case "underline" -> underline = true;
                case "on" -> {
                    if (bg != null) {
                        throw new IllegalArgumentException("background given twice");
                    }
                    if (i + 1 >= words.length) {
                        throw new IllegalArgumentException("'on' needs a background colour after it");
                    }
                    bg = ColorSpec.parse(words[++i]);
                }
                default -> {
                    if (fg != null) {
                        throw new IllegalArgumentException("unexpected '" + words[i]
                                + "' (foreground already given; write 'on " + words[i] + "' for a background)");
                    }
                    if (bg != null) {
                        throw new IllegalArgumentException("foreground '" + words[i] + "' must come before 'on'");
                    }
                    fg = ColorSpec.parse(words[i]);
                }
            }
        }
        return new Style(fg, bg, bold, reverse, underline);
    }

    /** The canonical theme-file form, which {@link #parse} reads back to an equal style. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(foreground.toString());
        if (!(background instanceof ColorSpec.Default)) {
            sb.append(" on ").append(background);
        }
        if (bold) {
            sb.append(" bold");
        }
        if (reverse) {
            sb.append(" reverse");
        }
        if (underline) {
            sb.append(" underline");
        }
        return sb.toString();
    }
}
