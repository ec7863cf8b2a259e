package syntop.tui.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class OneSttyTerminalTest {
    /** The bytes Lanterna writes for one character on a UTF-8 terminal: {@code Charset.encode}, up to its limit. */
    private static byte[] asLanternaEncodes(char c) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(String.valueOf(c));
        return Arrays.copyOf(b.array(), b.limit());
    }

    @Test
    void everyCharacterIsSentAsLanternasOwnEncodingWouldSendIt() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            assertArrayEquals(asLanternaEncodes((char) c), OneSttyTerminal.utf8((char) c), "U+" + Integer.toHexString(c));
        }
    }
}
