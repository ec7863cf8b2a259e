package syntop.tui.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import syntop.collectors.text.Printable;
import syntop.themes.Theme;
import syntop.themes.ThemeLoader;
import syntop.themes.ThemeWarning;
import syntop.tui.config.Preferences;
import syntop.tui.console.ConsolePainter;
import syntop.tui.view.ViewState;
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
    private final Preferences.File preferencesFile;
    private final Preferences saved;
    private final List<String> notices;

    private ConsoleStart(ThemeLoader themes, String themeName, boolean ascii, Preferences.File preferencesFile,
                         Preferences saved, List<String> notices) {
        this.themes = themes;
        this.themeName = themeName;
        this.ascii = ascii;
        this.preferencesFile = preferencesFile;
        this.saved = saved;
        this.notices = notices;
    }

    static Optional<ConsoleStart> check(String requestedTheme, boolean ascii, PrintWriter err) {
        return check(requestedTheme, ascii, err, System.getenv());
    }

    /**
     * Empty, after saying why on {@code err}, when the console must not start (exit status 2).
     * The saved preferences fill in what the command line left out; a flag wins for this run.
     */
    static Optional<ConsoleStart> check(String requestedTheme, boolean ascii, PrintWriter err, Map<String, String> env) {
        ThemeLoader themes = new ThemeLoader(ThemeLoader.userDir(env).orElse(null));
        if (requestedTheme != null && !requestedTheme.isBlank()
                && !themes.available().contains(requestedTheme.strip())) {
            err.println("syntop: --theme: no such theme '" + Printable.of(requestedTheme.strip()) + "' (available: "
                    + String.join(", ", themes.available()) + ")");
            return Optional.empty();
        }
        Preferences.File file = Preferences.File.of(env);
        Preferences saved = file.read();
        List<String> notices = new ArrayList<>();
        saved.problems().forEach(p -> notices.add(file.path() + ": " + p));
        String wanted = requestedTheme;
        if ((wanted == null || wanted.isBlank()) && saved.theme().isPresent()) {
            if (themes.available().contains(saved.theme().get())) {
                wanted = saved.theme().get();
            } else {
                notices.add(file.path() + ": no theme '" + Printable.of(saved.theme().get()) + "'");
            }
        }
        if (saved.sort().isPresent() && ViewState.Sort.byLabel(saved.sort().get()).isEmpty()) {
            notices.add(file.path() + ": no sort '" + Printable.of(saved.sort().get()) + "'");
        }
        Theme theme = themes.select(wanted, env);
        for (ThemeWarning w : theme.warnings()) {
            err.println("syntop: theme " + theme.name() + ": " + Printable.of(w.toString()));
        }
        err.flush();
        boolean asciiOn = ascii || saved.ascii().orElse(false) || !Glyphs.forLocale(env).isUnicode();
        return Optional.of(new ConsoleStart(themes, theme.name(), asciiOn, file, saved, notices));
    }

    /** The delay for a live console: {@code flag} when given on the command line, else the saved one. */
    Duration interval(Duration flag, boolean given) {
        return given ? flag : saved.delay().orElse(flag);
    }

    /** Where the console writes what the operator changes. */
    Preferences.File preferences() {
        return preferencesFile;
    }

    /**
     * The view to start with; a theme with warnings, or a preferences file that could not be read,
     * says so in the flash line as the console opens.
     */
    ViewState view(ConsolePainter painter, Duration interval) {
        ViewState v = new ViewState(themeName, ascii, interval);
        saved.sort().flatMap(ViewState.Sort::byLabel).ifPresent(v::sort);
        List<String> flash = new ArrayList<>(notices);
        if (!painter.theme(themeName).warnings().isEmpty()) {
            flash.add(0, painter.themeNotice(themeName) + " (also on stderr)");
        }
        if (!flash.isEmpty()) {
            v.flash(String.join("; ", flash), true);
        }
        return v;
    }
}
