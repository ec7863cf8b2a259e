package syntop.themes;

import java.util.Locale;
import java.util.Optional;

/**
 * A colour as written in a theme file, without depending on a terminal library.
 *
 * <p>The grammar is Lanterna's {@code TextColor.Factory.fromString}, case-insensitive:
 * <ul>
 *   <li>{@code default}: the terminal's own colour;</li>
 *   <li>an ANSI name: {@code red}, {@code red_bright} (also accepted: {@code bright_red});</li>
 *   <li>{@code #rrggbb}: a 24-bit colour;</li>
 *   <li>{@code #n} with one to three digits, 0-255: an indexed (xterm 256) colour.</li>
 * </ul>
 * As an extension a bare number 0-255 is also an indexed colour. Note that {@code #123} is the
 * indexed colour 123 (as in Lanterna), not a short hex form.
 *
 * <p>{@link #toString()} gives the canonical form, which Lanterna's parser accepts.
 */
public sealed interface ColorSpec permits ColorSpec.Default, ColorSpec.Ansi, ColorSpec.Indexed, ColorSpec.Rgb {

    /** The terminal's default foreground or background. */
    ColorSpec DEFAULT = new Default();

    /** True for the default colour and the sixteen ANSI colours, which every colour terminal has. */
    boolean isSixteenColorSafe();

    /** The terminal's default colour. */
    record Default() implements ColorSpec {
        @Override
        public boolean isSixteenColorSafe() {
            return true;
        }

        @Override
        public String toString() {
            return "default";
        }
    }

    /** One of the sixteen ANSI colours. */
    record Ansi(AnsiColor color) implements ColorSpec {
        public Ansi {
            if (color == null) {
                throw new IllegalArgumentException("color is null");
            }
        }

        @Override
        public boolean isSixteenColorSafe() {
            return true;
        }

        @Override
        public String toString() {
            return color.key();
        }
    }

    /** An entry of the 256-colour palette. */
    record Indexed(int index) implements ColorSpec {
        public Indexed {
            if (index < 0 || index > 255) {
                throw new IllegalArgumentException("colour index " + index + " is not in 0-255");
            }
        }

        @Override
        public boolean isSixteenColorSafe() {
            return false;
        }

        @Override
        public String toString() {
            return "#" + index;
        }
    }

    /** A 24-bit colour. */
    record Rgb(int red, int green, int blue) implements ColorSpec {
        public Rgb {
            if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
                throw new IllegalArgumentException("RGB component out of 0-255");
            }
        }

        @Override
        public boolean isSixteenColorSafe() {
            return false;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
        }
    }

    /**
     * Parses one colour.
     *
     * @throws IllegalArgumentException with a message fit for a user when {@code text} is not a colour
     */
    static ColorSpec parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "not a colour: '" + (text == null ? "" : text.strip()) + "'"
                        + " (use default, an ANSI name such as red or red_bright, #rrggbb, or 0-255)"));
    }

    /** Parses one colour, or returns empty. */
    static Optional<ColorSpec> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("default")) {
            return Optional.of(DEFAULT);
        }
        if (t.startsWith("#")) {
            String body = t.substring(1);
            if (body.length() == 6 && body.chars().allMatch(ColorSpec::isHexDigit)) {
                int v = Integer.parseInt(body, 16);
                return Optional.of(new Rgb((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff));
            }
            return indexed(body);
        }
        if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
            return indexed(t);
        }
        return AnsiColor.fromName(t).map(Ansi::new);
    }

    private static Optional<ColorSpec> indexed(String digits) {
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int n = Integer.parseInt(digits);
        return n <= 255 ? Optional.of(new Indexed(n)) : Optional.empty();
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
