package syntop.collectors.parse;

import java.util.OptionalLong;

/** Fail-soft number parsing: bad text gives an empty value, never an exception. */
public final class Numbers {
    private Numbers() {
    }

    /** A decimal integer, optionally signed; empty for anything else (including overflow). */
    public static OptionalLong parseLong(String s) {
        if (s == null) {
            return OptionalLong.empty();
        }
        String t = s.trim();
        if (t.isEmpty() || t.length() > 20) {
            return OptionalLong.empty();
        }
        int i = 0;
        if (t.charAt(0) == '-' || t.charAt(0) == '+') {
            if (t.length() == 1) {
                return OptionalLong.empty();
            }
            i = 1;
        }
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(t));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** A hexadecimal unsigned integer of up to 16 digits; empty for anything else. */
    public static OptionalLong parseHex(String s) {
        if (s == null) {
            return OptionalLong.empty();
        }
        String t = s.trim();
        if (t.isEmpty() || t.length() > 16) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), 16) < 0) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseUnsignedLong(t, 16));
    }

    /**
     * Splits on runs of spaces and tabs, dropping empty fields. By hand, not with a regular
     * expression: it runs once per row of tables with hundreds of thousands of rows.
     */
    public static String[] fields(String line) {
        int n = 0;
        int len = line.length();
        for (int i = 0; i < len; ) {
            while (i < len && isBlank(line.charAt(i))) {
                i++;
            }
            if (i < len) {
                n++;
                while (i < len && !isBlank(line.charAt(i))) {
                    i++;
                }
            }
        }
        String[] out = new String[n];
        int k = 0;
        for (int i = 0; i < len; ) {
            while (i < len && isBlank(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < len && !isBlank(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out[k++] = line.substring(start, i);
            }
        }
        return out;
    }

    private static boolean isBlank(char c) {
        // what String.strip() and the old [ \t]+ split treated as separators in these outputs
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
