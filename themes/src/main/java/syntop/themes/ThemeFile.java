package syntop.themes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed content of one theme file.
 *
 * <p>Format, one setting a line:
 * <pre>
 * # a comment line
 * title        = cyan_bright bold
 * selected     = black on cyan      # a trailing comment
 * bar_empty    = #8                 # indexed colour 8
 * </pre>
 * A key is a {@link Role#key()}; a value is a {@link Style}. A line whose first non-blank character
 * is {@code #} is a comment; elsewhere a comment starts at a {@code #} that stands alone, preceded
 * and followed by a blank (so {@code #ff0000} stays a colour). Blank lines are ignored.
 *
 * <p>Never throws on content: unknown keys, lines without {@code =}, bad styles and repeated keys
 * become {@link ThemeWarning}s with their line number. For a repeated key the last line wins.
 *
 * @param styles   the roles the file sets, in {@link Role} order
 * @param warnings what was ignored, in line order
 */
public record ThemeFile(Map<Role, Style> styles, List<ThemeWarning> warnings) {

    public ThemeFile {
        EnumMap<Role, Style> copy = new EnumMap<>(Role.class);
        copy.putAll(styles);
        styles = Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    /** Parses the lines of one file; {@code source} names it in warnings. */
    public static ThemeFile parse(String source, List<String> lines) {
        Map<Role, Style> styles = new EnumMap<>(Role.class);
        Map<Role, Integer> seenAt = new EnumMap<>(Role.class);
        List<ThemeWarning> warnings = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = stripComment(raw).strip();
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                warnings.add(new ThemeWarning(source, number, "expected 'key = style', got '" + line + "'"));
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (key.isEmpty()) {
                warnings.add(new ThemeWarning(source, number, "missing key before '='"));
                continue;
            }
            Optional<Role> role = Role.fromKey(key);
            if (role.isEmpty()) {
                warnings.add(new ThemeWarning(source, number, "unknown key '" + key + "' ignored"));
                continue;
            }
            Style style;
            try {
                style = Style.parse(value);
            } catch (IllegalArgumentException e) {
                warnings.add(new ThemeWarning(source, number, key + ": " + e.getMessage() + "; key ignored"));
                continue;
            }
            Integer earlier = seenAt.put(role.get(), number);
            if (earlier != null) {
                warnings.add(new ThemeWarning(source, number,
                        "key '" + role.get().key() + "' repeats line " + earlier + "; this line wins"));
            }
            styles.put(role.get(), style);
        }
        return new ThemeFile(styles, warnings);
    }

    private static String stripComment(String line) {
        String t = line.stripLeading();
        if (t.startsWith("#")) {
            return "";
        }
        for (int i = 1; i < line.length(); i++) {
            if (line.charAt(i) == '#' && Character.isWhitespace(line.charAt(i - 1))
                    && (i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
