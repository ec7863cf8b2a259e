package syntop.collectors.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void escapeSequencesBecomeVisibleText() {
        assertEquals("\\x1b]0;owned\\x07\\x1b[2J", Printable.of("\u001b]0;owned\u0007\u001b[2J"));
        assertEquals("a\\x9b31mb", Printable.of("a\u009b31mb"), "C1 CSI");
        assertEquals("line\\x0dover\\x0anext\\x09tab\\x7f", Printable.of("line\rover\nnext\ttab\u007f"));
        assertEquals("abc\\u202edcba\\u2066", Printable.of("abc\u202edcba\u2066"), "bidi overrides");
    }

    @Test
    void printableTextIsKeptAsItIs() {
        String s = "syncookies 1 µs — 10.99.0.2:8080 ▁▂ 日本";
        assertSame(s, Printable.of(s));
        assertEquals("", Printable.of(null));
        for (char c = 0x20; c < 0x7f; c++) {
            assertFalse(Printable.isUnsafe(c), "printable ASCII " + (int) c);
        }
    }
}
