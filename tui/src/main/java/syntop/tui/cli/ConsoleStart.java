package syntop.tui.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import syntop.collectors.report.Printable;
import syntop.themes.Theme;
import syntop.themes.ThemeLoader;
import syntop.themes.ThemeWarning;
import syntop.tui.console.ConsolePainter;
import syntop.tui.console.ViewState;
import syntop.widgets.Glyphs;

/**
 * What every console (live, replay, demo, capture) settles from its arguments before anything
 * starts: the theme (a name that does not exist is a usage error, and what is wrong in a theme
 * file is said on stderr and in the console's flash line) and the glyphs. Whether the terminal can
 * show a console is asked when it opens ({@link syntop.tui.console.TerminalSession#refusal}), after
 * every argument was checked.
 */
final class ConsoleStart {
    final ThemeLoader themes;
    private final String themeName;
    private final boolean ascii;

    private ConsoleStart(ThemeLoader themes, String themeName, boolean ascii) {
        this.themes = themes;
        this.themeName = themeName;
        this.ascii = ascii;
    }

    /** Empty, after saying why on {@code err}, when the console must not start (exit status 2). */
    static Optional<ConsoleStart> check(String requestedTheme, boolean ascii, PrintWriter err) {
        Map<String, String> env = System.getenv();
        ThemeLoader themes = new ThemeLoader(ThemeLoader.userDir(env).orElse(null));
        if (requestedTheme != null && !requestedTheme.isBlank()
                && !themes.available().contains(requestedTheme.strip())) {
            err.println("syntop: --theme: no such theme '" + Printable.of(requestedTheme.strip()) + "' (available: "
                    + String.join(", ", themes.available()) + ")");
            return Optional.empty();
        }
        Theme theme = themes.select(requestedTheme, env);
        for (ThemeWarning w : theme.warnings()) {
            err.println("syntop: theme " + theme.name() + ": " + Printable.of(w.toString()));
        }
        err.flush();
        return Optional.of(new ConsoleStart(themes, theme.name(), ascii || !Glyphs.forLocale(env).isUnicode()));
    }

    /** The view to start with; a theme with warnings says so in the flash line as the console opens. */
    ViewState view(ConsolePainter painter, Duration interval) {
        ViewState v = new ViewState(themeName, ascii, interval);
        if (!painter.theme(themeName).warnings().isEmpty()) {
            v.flash(painter.themeNotice(themeName) + " (also on stderr)", true);
        }
        return v;
    }
}
