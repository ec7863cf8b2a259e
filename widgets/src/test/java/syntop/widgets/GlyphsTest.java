package syntop.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalTextUtils;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlyphsTest {

    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void unicodeOnlyWhenTheLocaleSaysUtf8() {
        assertSame(Glyphs.UNICODE, Glyphs.forLocale(env("LANG", "en_US.UTF-8")));
        assertSame(Glyphs.UNICODE, Glyphs.forLocale(env("LANG", "en_US.utf8")));
        assertSame(Glyphs.UNICODE, Glyphs.forLocale(env("LANG", "de_DE.UTF-8@euro")));
        assertSame(Glyphs.UNICODE, Glyphs.forLocale(env("LC_CTYPE", "UTF-8")));   // as macOS sets it
        assertSame(Glyphs.UNICODE, Glyphs.forLocale(env("LC_CTYPE", "C.UTF-8", "LANG", "C")));
        assertSame(Glyphs.ASCII, Glyphs.forLocale(env()));
        assertSame(Glyphs.ASCII, Glyphs.forLocale(env("LANG", "C")));
        assertSame(Glyphs.ASCII, Glyphs.forLocale(env("LANG", "POSIX")));
        assertSame(Glyphs.ASCII, Glyphs.forLocale(env("LANG", "en_US.ISO-8859-1")));
        assertSame(Glyphs.ASCII, Glyphs.forLocale(env("LANG", "en_US.UTF-16")));
    }

    @Test
    void lcAllWinsThenLcCtypeThenLangAndEmptyValuesAreSkipped() {
        assertSame(Glyphs.ASCII, Glyphs.forLocale(env("LC_ALL", "C", "LC_CTYPE", "en_US.UTF-8", "LANG", "en_US.UTF-8")));
        assertSame(Glyphs.UNICODE, Glyphs.forLocale(env("LC_ALL", "", "LC_CTYPE", "en_US.UTF-8", "LANG", "C")));
        assertSame(Glyphs.ASCII, Glyphs.forLocale(env("LC_CTYPE", "C", "LANG", "en_US.UTF-8")));
        assertSame(Glyphs.UNICODE, Glyphs.forLocale(env("LC_ALL", "", "LC_CTYPE", "", "LANG", "en_US.UTF-8")));
    }

    private static List<Character> all(Glyphs g) {
        List<Character> cs = new ArrayList<>();
        for (int i = 0; i <= g.barStepsPerCell(); i++) {
            cs.add(g.barStep(i));
        }
        for (int i = 0; i < g.sparkLevelCount(); i++) {
            cs.add(g.sparkLevel(i));
        }
        cs.addAll(List.of(g.barEmpty(), g.barInner(), g.sparkGap(), g.boxTopLeft(), g.boxTopRight(),
                g.boxBottomLeft(), g.boxBottomRight(), g.boxHorizontal(), g.boxVertical(), g.arrowUp(),
                g.arrowDown(), g.sortAscending(), g.sortDescending()));
        return cs;
    }

    @Test
    void everyGlyphIsOneCellWide() {
        for (Glyphs g : List.of(Glyphs.UNICODE, Glyphs.ASCII)) {
            for (char c : all(g)) {
                assertFalse(TerminalTextUtils.isCharDoubleWidth(c), g + " " + c);
                assertFalse(Character.isISOControl(c), g + " " + (int) c);
            }
            assertEquals(1, Texts.width(g.ellipsis()));
        }
    }

    @Test
    void asciiSetIsSevenBit() {
        for (char c : all(Glyphs.ASCII)) {
            assertTrue(c >= 0x20 && c < 0x7f, "not ASCII: " + (int) c);
        }
        assertTrue(Glyphs.ASCII.ellipsis().chars().allMatch(c -> c >= 0x20 && c < 0x7f));
        assertFalse(Glyphs.ASCII.isUnicode());
        assertTrue(Glyphs.UNICODE.isUnicode());
    }

    @Test
    void barAndSparkScales() {
        assertEquals(8, Glyphs.UNICODE.barStepsPerCell());
        assertEquals(1, Glyphs.ASCII.barStepsPerCell());
        assertEquals(' ', Glyphs.UNICODE.barStep(0));
        assertEquals('▌', Glyphs.UNICODE.barStep(4));
        assertEquals('█', Glyphs.UNICODE.barFull());
        assertEquals('#', Glyphs.ASCII.barFull());
        assertEquals(8, Glyphs.UNICODE.sparkLevelCount());
        assertEquals(8, Glyphs.ASCII.sparkLevelCount());
        assertEquals('▁', Glyphs.UNICODE.sparkLevel(0));
        assertEquals('█', Glyphs.UNICODE.sparkLevel(7));
        assertEquals('@', Glyphs.ASCII.sparkLevel(7));
        assertEquals('█', Glyphs.UNICODE.sparkLevel(99));
        assertEquals('▁', Glyphs.UNICODE.sparkLevel(-3));
    }

    @Test
    void sparkLevelsAndBarPartsAreDistinct() {
        for (Glyphs g : List.of(Glyphs.UNICODE, Glyphs.ASCII)) {
            HashSet<Character> levels = new HashSet<>();
            for (int i = 0; i < g.sparkLevelCount(); i++) {
                levels.add(g.sparkLevel(i));
            }
            assertEquals(g.sparkLevelCount(), levels.size(), g.toString());
            assertFalse(levels.contains(g.sparkGap()), g.toString());
            assertEquals(3, new HashSet<>(List.of(g.barFull(), g.barEmpty(), g.barInner())).size(), g.toString());
        }
    }
}
