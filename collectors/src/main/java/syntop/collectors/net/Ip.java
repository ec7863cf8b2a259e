package syntop.collectors.net;

import java.util.Locale;
import java.util.Optional;

/**
 * IP address text, parsed and printed without {@link java.net.InetAddress} (which may ask DNS, and
 * turns IPv4-mapped IPv6 addresses into IPv4). Addresses are byte arrays: 4 bytes for IPv4, 16 for
 * IPv6.
 */
public final class Ip {
    private Ip() {
    }

    /** A dotted quad, each part 0-255 with at most three digits. */
    public static Optional<byte[]> parseV4(String s) {
        String[] p = s.split("\\.", -1);
        if (p.length != 4) {
            return Optional.empty();
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (p[i].isEmpty() || p[i].length() > 3) {
                return Optional.empty();
            }
            int v = 0;
            for (int k = 0; k < p[i].length(); k++) {
                char c = p[i].charAt(k);
                if (c < '0' || c > '9') {
                    return Optional.empty();
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return Optional.empty();
            }
            b[i] = (byte) v;
        }
        return Optional.of(b);
    }

    /**
     * IPv6 text (RFC 4291 section 2.2): eight groups of up to four hex digits, at most one {@code ::},
     * optionally ending in a dotted quad. No brackets, no {@code %scope}.
     */
    public static Optional<byte[]> parseV6(String s) {
        if (s.length() < 2 || s.length() > 45) {
            return Optional.empty();
        }
        byte[] tail = null;
        String text = s;
        int lastColon = s.lastIndexOf(':');
        if (lastColon >= 0 && s.indexOf('.', lastColon) >= 0) {
            Optional<byte[]> v4 = parseV4(s.substring(lastColon + 1));
            if (v4.isEmpty()) {
                return Optional.empty();
            }
            tail = v4.get();
            // keep the colon(s) before the quad: "::ffff:1.2.3.4" → "::ffff:" + two groups
            text = s.substring(0, lastColon + 1) + "0:0";
        }
        int dbl = text.indexOf("::");
        if (dbl >= 0 && text.indexOf("::", dbl + 1) >= 0) {
            return Optional.empty();
        }
        String head = dbl >= 0 ? text.substring(0, dbl) : text;
        String rest = dbl >= 0 ? text.substring(dbl + 2) : "";
        int[] h = groups(head);
        int[] r = groups(rest);
        if (h == null || r == null) {
            return Optional.empty();
        }
        if (dbl < 0 ? h.length != 8 : h.length + r.length > 7) {
            return Optional.empty();
        }
        byte[] b = new byte[16];
        for (int i = 0; i < h.length; i++) {
            b[2 * i] = (byte) (h[i] >>> 8);
            b[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < r.length; i++) {
            int g = 8 - r.length + i;
            b[2 * g] = (byte) (r[i] >>> 8);
            b[2 * g + 1] = (byte) r[i];
        }
        if (tail != null) {
            System.arraycopy(tail, 0, b, 12, 4);
        }
        return Optional.of(b);
    }

    /** Colon-separated hex groups of 1-4 digits; an empty string is no groups; null when malformed. */
    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] p = s.split(":", -1);
        int[] g = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            if (p[i].isEmpty() || p[i].length() > 4) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < p[i].length(); k++) {
                int d = Character.digit(p[i].charAt(k), 16);
                if (d < 0) {
                    return null;
                }
                v = v * 16 + d;
            }
            g[i] = v;
        }
        return g;
    }

    public static String formatV4(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    /**
     * RFC 5952 text: lower case, the longest run of two or more zero groups as {@code ::}; IPv4-mapped
     * addresses end in a dotted quad when {@code dottedMapped}.
     */
    public static String formatV6(byte[] b, boolean dottedMapped) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        if (dottedMapped && isV4Mapped(b)) {
            return "::ffff:" + formatV4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** Eight groups of four hex digits, nothing left out ({@code 2001:0db8:0000:…}). */
    public static String formatV6Full(byte[] b) {
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02x%02x", b[2 * i] & 0xff, b[2 * i + 1] & 0xff));
        }
        return sb.toString();
    }

    /** Any text form of an address: dotted quad for 4 bytes, RFC 5952 for 16. */
    public static String format(byte[] b) {
        return b.length == 4 ? formatV4(b) : formatV6(b, true);
    }

    public static boolean isV4Mapped(byte[] b) {
        if (b.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address. */
    public static byte[] mappedV4(byte[] b) {
        return new byte[] {b[12], b[13], b[14], b[15]};
    }

    /** {@code ::ffff:a.b.c.d} for an IPv4 address. */
    public static byte[] toMapped(byte[] v4) {
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(v4, 0, b, 12, 4);
        return b;
    }
}
