package syntop.tui.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.TerminalSize;

class OneSttyTerminalTest {
    /** The bytes Lanterna writes for one character on a UTF-8 terminal: {@code Charset.encode}, up to its limit. */
    private static byte[] asLanternaEncodes(char c) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(String.valueOf(c));
        return Arrays.copyOf(b.array(), b.limit());
    }

    @Test
    void sttySizeGivesRowsThenColumnsAndNothingUnlessBothArePositive() {
        assertEquals(new TerminalSize(120, 40), OneSttyTerminal.size("40 120"));
        assertEquals(new TerminalSize(80, 24), OneSttyTerminal.size("24 80\n"));
        for (String unusable : new String[] {"0 0", "", "40", "40 120 7", "forty 120", "-1 80", "99999999999 80"}) {
            assertNull(OneSttyTerminal.size(unusable), unusable);
        }
    }

    @Test
    void everyCharacterIsSentAsLanternasOwnEncodingWouldSendIt() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            assertArrayEquals(asLanternaEncodes((char) c), OneSttyTerminal.utf8((char) c), "U+" + Integer.toHexString(c));
        }
    }
}
