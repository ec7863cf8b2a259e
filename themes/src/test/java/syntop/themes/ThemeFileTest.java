package syntop.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThemeFileTest {

    private static ThemeFile parse(String... lines) {
        return ThemeFile.parse("t.theme", List.of(lines));
    }

    @Test
    void readsKeysValuesCommentsAndBlankLines() {
        ThemeFile f = parse(
                "# heading comment",
                "",
                "   # indented comment",
                "title = cyan_bright bold",
                "  selected=black on cyan   ",
                "BAR_OK = green # trailing comment",
                "sparkline = #ff8000",
                "dim = #8 # an indexed colour and a comment");
        assertEquals(List.of(), f.warnings());
        assertEquals(Map.of(
                Role.TITLE, Style.parse("cyan_bright bold"),
                Role.SELECTED, Style.parse("black on cyan"),
                Role.BAR_OK, Style.parse("green"),
                Role.SPARKLINE, new Style(new ColorSpec.Rgb(0xff, 0x80, 0), ColorSpec.DEFAULT, false, false, false),
                Role.DIM, Style.fg(new ColorSpec.Indexed(8))), f.styles());
    }

    @Test
    void unknownKeysAreWarningsWithLineNumbersNotErrors() {
        ThemeFile f = parse("title = red", "titel = blue", "ok = green");
        assertEquals(Map.of(Role.TITLE, Style.parse("red"), Role.OK, Style.parse("green")), f.styles());
        assertEquals(List.of(new ThemeWarning("t.theme", 2, "unknown key 'titel' ignored")), f.warnings());
        assertEquals("t.theme:2: unknown key 'titel' ignored", f.warnings().get(0).toString());
    }

    @Test
    void badLinesAreWarningsWithLineNumbers() {
        ThemeFile f = parse(
                "title red",          // 1: no '='
                "= red",              // 2: no key
                "ok = greenish",      // 3: bad colour
                "warn =",             // 4: empty style
                "info = blue",        // 5: fine
                "value = red green"); // 6: two foregrounds
        assertEquals(Map.of(Role.INFO, Style.parse("blue")), f.styles());
        assertEquals(List.of(1, 2, 3, 4, 6), f.warnings().stream().map(ThemeWarning::line).toList());
        assertTrue(f.warnings().get(0).message().contains("expected 'key = style'"), f.warnings().get(0).message());
        assertTrue(f.warnings().get(2).message().startsWith("ok: not a colour: 'greenish'"), f.warnings().get(2).message());
        assertTrue(f.warnings().get(3).message().contains("empty style"), f.warnings().get(3).message());
    }

    @Test
    void repeatedKeyWarnsAndTheLastLineWins() {
        ThemeFile f = parse("ok = green", "ok = blue");
        assertEquals(Style.parse("blue"), f.styles().get(Role.OK));
        assertEquals(List.of(new ThemeWarning("t.theme", 2, "key 'ok' repeats line 1; this line wins")), f.warnings());
    }

    @Test
    void hashInsideAWordIsNotAComment() {
        ThemeFile f = parse("ok = green#x");
        assertEquals(Map.of(), f.styles());
        assertEquals(1, f.warnings().size());
    }

    @Test
    void byteOrderMarkOnTheFirstLineIsIgnored() {
        ThemeFile f = parse("\uFEFFtitle = red");
        assertEquals(List.of(), f.warnings());
        assertEquals(Style.parse("red"), f.styles().get(Role.TITLE));
    }

    @Test
    void emptyFileIsEmpty() {
        ThemeFile f = parse();
        assertEquals(Map.of(), f.styles());
        assertEquals(List.of(), f.warnings());
    }
}
