package syntop.themes;

import java.util.Locale;
import java.util.Optional;

/**
 * The sixteen ANSI colours, named and ordered as Lanterna's {@code TextColor.ANSI} (without its
 * {@code DEFAULT}, which is {@link ColorSpec.Default} here). Their indexes 0-15 match the
 * terminal's palette.
 */
public enum AnsiColor {
    BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE,
    BLACK_BRIGHT, RED_BRIGHT, GREEN_BRIGHT, YELLOW_BRIGHT,
    BLUE_BRIGHT, MAGENTA_BRIGHT, CYAN_BRIGHT, WHITE_BRIGHT;

    private final String key = name().toLowerCase(Locale.ROOT);

    /** Lanterna's spelling in lower case, for example {@code red_bright}. */
    public String key() {
        return key;
    }

    /** The terminal palette index, 0-15. */
    public int index() {
        return ordinal();
    }

    public boolean isBright() {
        return ordinal() >= 8;
    }

    /**
     * The colour named {@code name}, case-insensitive. Accepts Lanterna's {@code red_bright} and the
     * alias {@code bright_red}.
     */
    public static Optional<AnsiColor> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("bright_")) {
            n = n.substring("bright_".length()) + "_bright";
        }
        for (AnsiColor c : values()) {
            if (c.key.equals(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
