package syntop.widgets;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import syntop.themes.AnsiColor;
import syntop.themes.ColorSpec;
import syntop.themes.Role;
import syntop.themes.Style;
import syntop.themes.Theme;

/**
 * A {@link Theme} turned into Lanterna colours and SGR modifiers, once, for every {@link Role}.
 * Its colours never change; build a new one when the theme changes.
 */
public final class Palette {

    private final Theme theme;
    private final Map<Role, TextColor> fg = new EnumMap<>(Role.class);
    private final Map<Role, TextColor> bg = new EnumMap<>(Role.class);
    private final Map<Role, EnumSet<SGR>> sgr = new EnumMap<>(Role.class);
    /** Cells made so far (a screen uses a few hundred); bounded in case of unusual text. */
    private final Map<Long, TextCharacter> cells = new ConcurrentHashMap<>();
    private static final int MAX_CELLS = 16_384;

    public Palette(Theme theme) {
        this.theme = theme;
        for (Role role : Role.values()) {
            Style s = theme.style(role);
            fg.put(role, toTextColor(s.foreground()));
            bg.put(role, toTextColor(s.background()));
            sgr.put(role, modifiers(s));
        }
    }

    public Theme theme() {
        return theme;
    }

    public TextColor foreground(Role role) {
        return fg.get(role);
    }

    public TextColor background(Role role) {
        return bg.get(role);
    }

    /** The modifiers of {@code role}; a fresh set the caller may change. */
    public EnumSet<SGR> modifiers(Role role) {
        return EnumSet.copyOf(sgr.get(role));
    }

    /**
     * The cell for {@code c} drawn with the foreground and modifiers of {@code fgRole} and the background
     * of {@code bgRole}. Made once and then shared: Lanterna checks every character it builds, which
     * costs more than the drawing, and a shared cell compares equal to itself at once.
     */
    public TextCharacter cell(char c, Role fgRole, Role bgRole) {
        long key = ((long) fgRole.ordinal() << 32) | ((long) bgRole.ordinal() << 16) | c;
        TextCharacter cell = cells.get(key);
        if (cell == null) {
            cell = new MeasuredCharacter(c, fg.get(fgRole), bg.get(bgRole), sgr.get(fgRole));
            if (cells.size() < MAX_CELLS) {
                cells.put(key, cell);
            }
        }
        return cell;
    }

    /** The Lanterna colour for a theme colour. */
    public static TextColor toTextColor(ColorSpec c) {
        if (c instanceof ColorSpec.Ansi a) {
            return ansi(a.color());
        }
        if (c instanceof ColorSpec.Indexed i) {
            return new TextColor.Indexed(i.index());
        }
        if (c instanceof ColorSpec.Rgb r) {
            return new TextColor.RGB(r.red(), r.green(), r.blue());
        }
        return TextColor.ANSI.DEFAULT;
    }

    private static TextColor ansi(AnsiColor c) {
        return TextColor.ANSI.valueOf(c.name());
    }

    private static EnumSet<SGR> modifiers(Style s) {
        EnumSet<SGR> set = EnumSet.noneOf(SGR.class);
        if (s.bold()) {
            set.add(SGR.BOLD);
        }
        if (s.reverse()) {
            set.add(SGR.REVERSE);
        }
        if (s.underline()) {
            set.add(SGR.UNDERLINE);
        }
        return set;
    }
}
