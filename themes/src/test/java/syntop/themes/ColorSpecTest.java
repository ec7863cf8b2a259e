package syntop.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ColorSpecTest {

    @Test
    void parsesDefaultAndAnsiNamesInBothSpellings() {
        assertEquals(ColorSpec.DEFAULT, ColorSpec.parse("default"));
        assertEquals(ColorSpec.DEFAULT, ColorSpec.parse(" DEFAULT "));
        assertEquals(new ColorSpec.Ansi(AnsiColor.RED), ColorSpec.parse("red"));
        assertEquals(new ColorSpec.Ansi(AnsiColor.RED), ColorSpec.parse("Red"));
        assertEquals(new ColorSpec.Ansi(AnsiColor.RED_BRIGHT), ColorSpec.parse("red_bright"));
        assertEquals(new ColorSpec.Ansi(AnsiColor.RED_BRIGHT), ColorSpec.parse("bright_red"));
        assertEquals(new ColorSpec.Ansi(AnsiColor.BLACK_BRIGHT), ColorSpec.parse("BRIGHT_BLACK"));
        assertEquals(new ColorSpec.Ansi(AnsiColor.WHITE), ColorSpec.parse("white"));
    }

    @Test
    void parsesRgbAndIndexedLikeLanterna() {
        assertEquals(new ColorSpec.Rgb(0xff, 0x00, 0x80), ColorSpec.parse("#ff0080"));
        assertEquals(new ColorSpec.Rgb(0xab, 0xcd, 0xef), ColorSpec.parse("#ABCDEF"));
        assertEquals(new ColorSpec.Indexed(12), ColorSpec.parse("#12"));
        // three digits after # are an index, as in Lanterna, not a short hex colour
        assertEquals(new ColorSpec.Indexed(123), ColorSpec.parse("#123"));
        assertEquals(new ColorSpec.Indexed(0), ColorSpec.parse("0"));
        assertEquals(new ColorSpec.Indexed(255), ColorSpec.parse("255"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "reddish", "bright_", "_bright", "#", "#abc", "#300", "256", "-1",
            "#ff00", "#ff00000", "#gg0000", "1234", "red bold", "on"})
    void rejectsWhatIsNotAColour(String text) {
        assertEquals(Optional.empty(), ColorSpec.tryParse(text));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColorSpec.parse(text));
        assertTrue(e.getMessage().startsWith("not a colour"), e.getMessage());
    }

    @Test
    void nullIsNotAColour() {
        assertEquals(Optional.empty(), ColorSpec.tryParse(null));
        assertThrows(IllegalArgumentException.class, () -> ColorSpec.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "red", "cyan_bright", "#7", "#255", "#00ff7f"})
    void canonicalTextRoundTrips(String text) {
        ColorSpec c = ColorSpec.parse(text);
        assertEquals(text, c.toString());
        assertEquals(c, ColorSpec.parse(c.toString()));
    }

    @Test
    void canonicalTextOfAliasesIsLanternaSpelling() {
        assertEquals("red_bright", ColorSpec.parse("bright_red").toString());
        assertEquals("#42", ColorSpec.parse("42").toString());
    }

    @Test
    void onlyDefaultAndAnsiAreSixteenColourSafe() {
        assertTrue(ColorSpec.parse("default").isSixteenColorSafe());
        assertTrue(ColorSpec.parse("magenta_bright").isSixteenColorSafe());
        assertFalse(ColorSpec.parse("#9").isSixteenColorSafe());
        assertFalse(ColorSpec.parse("#010203").isSixteenColorSafe());
    }

    @Test
    void ansiIndexesMatchTheTerminalPalette() {
        assertEquals(0, AnsiColor.BLACK.index());
        assertEquals(7, AnsiColor.WHITE.index());
        assertEquals(8, AnsiColor.BLACK_BRIGHT.index());
        assertEquals(15, AnsiColor.WHITE_BRIGHT.index());
        assertTrue(AnsiColor.RED_BRIGHT.isBright());
        assertFalse(AnsiColor.RED.isBright());
    }

    @Test
    void constructorsCheckRanges() {
        assertThrows(IllegalArgumentException.class, () -> new ColorSpec.Indexed(256));
        assertThrows(IllegalArgumentException.class, () -> new ColorSpec.Rgb(0, 256, 0));
        assertThrows(IllegalArgumentException.class, () -> new ColorSpec.Rgb(-1, 0, 0));
    }
}
