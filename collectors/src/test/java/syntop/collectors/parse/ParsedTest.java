package syntop.collectors.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class ParsedTest {
    private static Parsed<String> parsed(int understood, int notUnderstood) {
        Parsed.Collector c = new Parsed.Collector();
        c.understood(understood);
        for (int i = 0; i < notUnderstood; i++) {
            c.unparsed("line " + i);
        }
        return c.result("value");
    }

    @Test
    void anInputMostlyNotUnderstoodIsNotUnderstood() {
        assertTrue(parsed(0, 0).inputNotUnderstood(), "nothing at all");
        assertTrue(parsed(0, 3).inputNotUnderstood());
        assertTrue(parsed(2, 3).inputNotUnderstood(), "a header and a stray line of another command's output");
        assertFalse(parsed(3, 3).inputNotUnderstood());
        assertFalse(parsed(199, 5).inputNotUnderstood(), "a real listing with a few odd rows");
    }

    @Test
    void everyLineNotUnderstoodIsCountedBeyondTheQuotedOnes() {
        Parsed<String> p = parsed(60, 70);
        assertEquals(70, p.notUnderstood());
        assertEquals(Parsed.MAX_UNPARSED, p.unparsed().size());
        assertTrue(p.inputNotUnderstood());
    }

    @Test
    void eachLineSkipsBlankLinesAndBuildsTheValueFromTheRest() {
        Parsed<String> p = Parsed.eachLine(java.util.List.of("a 1", "", "  ", "b", "c 3"), new StringBuilder(),
                (line, into, c) -> {
                    if (line.contains(" ")) {
                        into.append(line.charAt(0));
                        c.understood();
                    } else {
                        c.unparsed(line);
                    }
                }, StringBuilder::toString);
        assertEquals("ac", p.value());
        assertEquals(2, p.understood());
        assertEquals(java.util.List.of("b"), p.unparsed(), "blank lines count neither way");
    }

    @Test
    void aCountIsDigitsOnlyAndFitsSixtyFourBits() {
        assertEquals(OptionalLong.of(0), Numbers.parseCount("0"));
        assertEquals(OptionalLong.of(Long.MAX_VALUE), Numbers.parseCount("9223372036854775807"));
        assertEquals(OptionalLong.empty(), Numbers.parseCount("9223372036854775808"));
        assertEquals(OptionalLong.empty(), Numbers.parseCount("18446744073709551616"));
        assertEquals(OptionalLong.empty(), Numbers.parseCount("-1"));
        assertEquals(OptionalLong.empty(), Numbers.parseCount("+1"));
        assertEquals("negative", Numbers.notACount("-5"));
        assertEquals("too large (over 2^63-1)", Numbers.notACount("18446744073709551616"));
        assertEquals("not a number", Numbers.notACount("0x10"));
        assertTrue(Numbers.isPort(65535));
        assertFalse(Numbers.isPort(65536));
    }
}
