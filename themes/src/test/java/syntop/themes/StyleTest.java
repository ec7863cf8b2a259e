package syntop.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StyleTest {

    private static final ColorSpec RED = ColorSpec.parse("red");
    private static final ColorSpec CYAN = ColorSpec.parse("cyan");

    @Test
    void foregroundOnly() {
        assertEquals(new Style(RED, ColorSpec.DEFAULT, false, false, false), Style.parse("red"));
    }

    @Test
    void foregroundBackgroundAndAttributesInAnyOrder() {
        Style expected = new Style(RED, CYAN, true, true, true);
        assertEquals(expected, Style.parse("red on cyan bold reverse underline"));
        assertEquals(expected, Style.parse("bold red underline on cyan reverse"));
        assertEquals(expected, Style.parse("  RED   ON  Cyan  BOLD REVERSE UNDERLINE "));
    }

    @Test
    void attributesWithoutColoursUseTheDefaultColours() {
        assertEquals(new Style(ColorSpec.DEFAULT, ColorSpec.DEFAULT, true, true, false), Style.parse("reverse bold"));
        assertEquals(new Style(ColorSpec.DEFAULT, CYAN, false, false, false), Style.parse("on cyan"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "red green", "on", "red on", "on red on blue", "on red green",
            "blink", "red on purple", "#zzzzzz"})
    void rejectsBadStyles(String text) {
        assertThrows(IllegalArgumentException.class, () -> Style.parse(text));
    }

    @Test
    void errorMessageHintsAtTheBackgroundSyntax() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Style.parse("black cyan"));
        assertTrue(e.getMessage().contains("on cyan"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "red", "black on cyan", "white_bright on red bold",
            "default bold reverse underline", "#12 on #00ff00 underline"})
    void canonicalTextRoundTrips(String text) {
        Style s = Style.parse(text);
        assertEquals(text, s.toString());
        assertEquals(s, Style.parse(s.toString()));
    }

    @Test
    void nullColoursBecomeDefault() {
        assertEquals(Style.DEFAULT, new Style(null, null, false, false, false));
    }

    @Test
    void colourQueries() {
        assertFalse(Style.parse("bold reverse").usesColor());
        assertTrue(Style.parse("on blue").usesColor());
        assertTrue(Style.parse("red on blue").isSixteenColorSafe());
        assertFalse(Style.parse("red on #200").isSixteenColorSafe());
    }

    @Test
    void withersChangeOneThing() {
        Style s = Style.fg(RED).withBackground(CYAN).withBold(true).withReverse(true).withUnderline(true);
        assertEquals(Style.parse("red on cyan bold reverse underline"), s);
        assertEquals(Style.parse("cyan on cyan bold reverse underline"), s.withForeground(CYAN));
    }
}
