package syntop.themes;

/**
 * Something in a theme file that was ignored. Loading a theme never fails on bad content; it
 * collects these instead.
 *
 * @param source where the text came from, for example {@code dark.theme} or a file path
 * @param line   1-based line number, or 0 when the warning is about the whole source
 * @param message what was wrong and what was done about it
 */
public record ThemeWarning(String source, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
    }
}
