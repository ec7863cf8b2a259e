package syntop.collectors.text;

import java.util.Locale;

/**
 * Text from outside syntop (a command's output or error, a recording, a capture bundle, a host's
 * name) made safe to print on a terminal: every character a terminal could obey instead of show
 * becomes a visible escape, so a crafted input can neither move the cursor, retitle the window
 * (OSC) nor reorder what a line shows. Escaped are the C0 controls (tab and newline too: what is
 * printed stays on its line), DEL, the C1 controls (a UTF-8 terminal such as xterm obeys U+009B as
 * CSI), and Unicode's line and paragraph separators and bidirectional controls, which break or
 * reorder a line ("Trojan Source", CVE-2021-42574): {@code \x1b} below U+0100, {@code \u202e} above.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code s} with every unsafe character escaped; the empty text for null. */
    public static String of(String s) {
        if (s == null) {
            return "";
        }
        int first = firstUnsafe(s);
        if (first < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isUnsafe(c)) {
                b.append(c);
            } else if (c < 0x100) {
                b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    /** True for a character a terminal may obey rather than show (see the class comment). */
    public static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || c == '\u200e' || c == '\u200f' || c == '\u061c'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    private static int firstUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isUnsafe(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
