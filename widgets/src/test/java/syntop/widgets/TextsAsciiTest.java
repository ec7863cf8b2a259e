package syntop.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextsAsciiTest {
    @Test
    void everyCharacterBecomesOneAsciiCharacter() {
        assertEquals("flood - 3 x 5 > 1 ... 2.1 us", Texts.ascii("flood — 3 × 5 ≥ 1 ... 2.1 µs"));
        assertEquals("a.b", Texts.ascii("a…b"));
        assertEquals("x?y", Texts.ascii("x\u00e9y"));
        assertEquals(Texts.width("a—b·c"), Texts.width(Texts.ascii("a—b·c")));
        assertEquals("plain", Texts.ascii("plain"));
    }
}
