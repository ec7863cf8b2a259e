package syntop.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import syntop.themes.AnsiColor;
import syntop.themes.ColorSpec;
import syntop.themes.Role;
import syntop.themes.Style;
import syntop.themes.Theme;
import syntop.themes.ThemeLoader;

class PaletteTest {

    @ParameterizedTest
    @ValueSource(strings = {"default", "black", "red", "white", "black_bright", "red_bright", "white_bright",
            "#0", "#12", "#255", "#000000", "#ff8000", "#FFFFFF"})
    void agreesWithLanternasOwnParser(String text) {
        assertEquals(TextColor.Factory.fromString(text), Palette.toTextColor(ColorSpec.parse(text)));
    }

    @Test
    void everyAnsiColourMapsToTheLanternaConstantOfTheSameName() {
        for (AnsiColor c : AnsiColor.values()) {
            TextColor t = Palette.toTextColor(new ColorSpec.Ansi(c));
            assertEquals(TextColor.ANSI.valueOf(c.name()), t);
            assertEquals(TextColor.Factory.fromString(c.key()), t);
        }
    }

    @Test
    void stylesBecomeColoursAndModifiers() {
        Theme t = Theme.of("t", Map.of(
                Role.TITLE, Style.parse("red_bright on blue bold underline"),
                Role.SELECTED, Style.parse("reverse")));
        Palette p = new Palette(t);
        assertEquals(TextColor.ANSI.RED_BRIGHT, p.foreground(Role.TITLE));
        assertEquals(TextColor.ANSI.BLUE, p.background(Role.TITLE));
        assertEquals(EnumSet.of(SGR.BOLD, SGR.UNDERLINE), p.modifiers(Role.TITLE));
        assertEquals(EnumSet.of(SGR.REVERSE), p.modifiers(Role.SELECTED));
        assertEquals(TextColor.ANSI.DEFAULT, p.foreground(Role.OK));
        assertEquals(EnumSet.noneOf(SGR.class), p.modifiers(Role.OK));
    }

    @Test
    void modifiersAreACopy() {
        Palette p = new Palette(Theme.of("t", Map.of(Role.TITLE, Style.parse("bold"))));
        p.modifiers(Role.TITLE).add(SGR.BLINK);
        assertEquals(EnumSet.of(SGR.BOLD), p.modifiers(Role.TITLE));
    }

    @Test
    void bundledDarkTheme() {
        Palette p = new Palette(new ThemeLoader().load("dark"));
        assertEquals(TextColor.ANSI.CYAN_BRIGHT, p.foreground(Role.TITLE));
        assertEquals(TextColor.ANSI.BLACK, p.foreground(Role.SELECTED));
        assertEquals(TextColor.ANSI.CYAN, p.background(Role.SELECTED));
    }

    @Test
    void cellsAreMadeOnceAndKnowTheirWidth() {
        Palette p = new Palette(Surface.THEME);
        TextCharacter a = p.cell('a', Role.OK, Role.WARN);
        assertSame(a, p.cell('a', Role.OK, Role.WARN));
        assertEquals(p.foreground(Role.OK), a.getForegroundColor());
        assertEquals(p.background(Role.WARN), a.getBackgroundColor());
        assertFalse(a.isDoubleWidth());
        TextCharacter wide = p.cell('漢', Role.OK, Role.OK);
        assertTrue(wide.isDoubleWidth());
        assertEquals(TextCharacter.fromCharacter('漢')[0].isDoubleWidth(), wide.isDoubleWidth());
        assertNotEquals(a, p.cell('a', Role.OK, Role.OK), "another background");
    }
}
