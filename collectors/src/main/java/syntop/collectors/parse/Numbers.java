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
        return allDigits(t, i) ? fitting(t) : OptionalLong.empty();
    }

    /**
     * A count, a limit, a queue length or a size: decimal digits only, no sign, at most
     * {@link Long#MAX_VALUE}; empty for anything else. Such a value is never negative, and one too
     * large to hold is not understood rather than dropped: {@link #notACount} says why.
     */
    public static OptionalLong parseCount(String s) {
        if (s == null || s.isEmpty() || s.length() > 19) {
            return OptionalLong.empty();
        }
        return allDigits(s, 0) ? fitting(s) : OptionalLong.empty(); // 19 digits may be above 2^63-1
    }

    private static boolean allDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The number {@code s} holds (digits, perhaps signed), or empty when it does not fit 64 bits. */
    private static OptionalLong fitting(String s) {
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Why {@code s} is not a count, in words for an unparsed line: negative, too large, or not a number. */
    public static String notACount(String s) {
        String t = s == null ? "" : s.strip();
        String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        boolean number = !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!number) {
            return "not a number";
        }
        if (t.startsWith("-") && digits.chars().anyMatch(c -> c != '0')) {
            return "negative";
        }
        return parseCount(digits).isPresent() ? "written with a sign" : "too large (over 2^63-1)";
    }

    /** The largest TCP port. */
    public static final int MAX_PORT = 65535;

    /** A TCP port number, 0 to {@value #MAX_PORT} (0 is the wildcard port of an unconnected socket). */
    public static boolean isPort(long port) {
        return port >= 0 && port <= MAX_PORT;
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
