package syntop.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextsTest {

    private static final String CJK = "漢字漢字";
    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void widthCountsTerminalCells() {
        assertEquals(0, Texts.width(null));
        assertEquals(0, Texts.width(""));
        assertEquals(5, Texts.width("hello"));
        assertEquals(8, Texts.width(CJK));
        assertEquals(4, Texts.width("a" + EMOJI + "b"));
        assertEquals(2, Texts.width("e\u0301x"));      // combining accent joins the e
        assertEquals(2, Texts.width("a\u200Bb"));      // zero-width space takes nothing
        assertEquals(3, Texts.width("a\u0007b"));      // control shown as ?
        assertEquals(3, Texts.width("·…█"));
    }

    @Test
    void sanitizeReplacesWhatCannotBeDrawn() {
        assertEquals("a b c", Texts.sanitize("a\tb\nc"));
        assertEquals("a?b", Texts.sanitize("a\u0000b"));
        assertEquals("a?b", Texts.sanitize("a\uD800b"));
        assertEquals("\u00e9", Texts.sanitize("e\u0301"));
        assertEquals("", Texts.sanitize(null));
    }

    @Test
    void truncateByCells() {
        assertEquals("hel", Texts.truncate("hello", 3));
        assertEquals("漢", Texts.truncate(CJK, 3));
        assertEquals("漢字", Texts.truncate(CJK, 4));
        assertEquals("", Texts.truncate(CJK, 1));
        assertEquals("", Texts.truncate("abc", 0));
        assertEquals("", Texts.truncate("abc", -3));
    }

    @Test
    void ellipsizeKeepsWhatFitsAndMarksWhatIsCut() {
        assertEquals("hello", Texts.ellipsize("hello", 5));
        assertEquals("hello", Texts.ellipsize("hello", 9));
        assertEquals("hel…", Texts.ellipsize("hello", 4));
        assertEquals("h…", Texts.ellipsize("hello", 2));
        assertEquals("h", Texts.ellipsize("hello", 1));
        assertEquals("", Texts.ellipsize("hello", 0));
        assertEquals("", Texts.ellipsize("hello", -1));
        assertEquals("", Texts.ellipsize(null, 3));
        assertEquals("hel~", Texts.ellipsize("hello", 4, "~"));
        assertEquals("h...", Texts.ellipsize("hello", 4, "..."));
        assertEquals("hel", Texts.ellipsize("hello", 3, "..."));
    }

    @Test
    void ellipsizeWideCharactersNeverExceedsTheWidth() {
        assertEquals("漢字…", Texts.ellipsize(CJK, 5));
        assertEquals("漢…", Texts.ellipsize(CJK, 4));
        assertEquals("漢…", Texts.ellipsize(CJK, 3));
        assertEquals("…", Texts.ellipsize(CJK, 2));
        assertEquals("", Texts.ellipsize(CJK, 1));
        List<String> samples = List.of("", "a", "hello world", CJK, "a漢b字c", EMOJI + EMOJI + "x",
                "e\u0301e\u0301e\u0301", "tab\there", "mixed 漢 and " + EMOJI);
        for (String s : samples) {
            for (int w = 0; w <= 14; w++) {
                for (String ell : List.of("…", "~", "...")) {
                    String e = Texts.ellipsize(s, w, ell);
                    assertTrue(Texts.width(e) <= w, "'" + s + "' at " + w + " gave '" + e + "'");
                }
                String f = Texts.fit(s, w, Align.RIGHT, "…");
                assertEquals(w, Texts.width(f), "fit('" + s + "', " + w + ") = '" + f + "'");
            }
        }
    }

    @Test
    void padAligns() {
        assertEquals("ab   ", Texts.pad("ab", 5, Align.LEFT));
        assertEquals("   ab", Texts.pad("ab", 5, Align.RIGHT));
        assertEquals(" ab  ", Texts.pad("ab", 5, Align.CENTER));
        assertEquals("abc", Texts.pad("abcdef", 3, Align.RIGHT));
        assertEquals("漢 ", Texts.pad(CJK, 3, Align.LEFT));
        assertEquals("", Texts.pad("x", 0, Align.LEFT));
    }

    @Test
    void fitEllipsizesThenPads() {
        assertEquals("abc…", Texts.fit("abcdef", 4, Align.RIGHT, "…"));
        assertEquals("  ab", Texts.fit("ab", 4, Align.RIGHT, "…"));
    }

    @Test
    void wrapBreaksAtSpacesAndSplitsLongWords() {
        assertEquals(List.of("the quick", "brown fox"), Texts.wrap("the quick brown fox", 10));
        assertEquals(List.of("the", "quick", "brown", "fox"), Texts.wrap("the quick brown fox", 5));
        assertEquals(List.of("abcd", "efgh", "ij"), Texts.wrap("abcdefghij", 4));
        assertEquals(List.of("a", "abcd", "ef b"), Texts.wrap("a   abcdef b", 4));
        assertEquals(List.of("漢字", "漢字"), Texts.wrap(CJK, 5));
        assertEquals(List.of("?", "?"), Texts.wrap("漢字", 1));
        assertEquals(List.of(""), Texts.wrap("   ", 5));
        assertEquals(List.of(), Texts.wrap("abc", 0));
        for (int w = 1; w < 12; w++) {
            for (String line : Texts.wrap("a漢b字c longer words here " + EMOJI, w)) {
                assertTrue(Texts.width(line) <= w, line + " at " + w);
            }
        }
    }
}
