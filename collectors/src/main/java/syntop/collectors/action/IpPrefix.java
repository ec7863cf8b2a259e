package syntop.collectors.action;

import java.util.Arrays;
import java.util.Objects;

import syntop.collectors.net.Ip;

/**
 * An IPv4 or IPv6 address, or a network prefix ({@code 10.99.0.0/24}, {@code 2001:db8::/32}),
 * parsed strictly by syntop itself: never a host name, never a DNS lookup, no zone index, no
 * leading zeros in IPv4 parts (some tools read them as octal). Host bits of a prefix must be zero.
 * IPv4-mapped IPv6 addresses ({@code ::ffff:10.0.0.1}) become IPv4, since that is how the packets
 * arrive and how firewalls match them. {@link #toString()} is the canonical text (RFC 5952 for IPv6).
 */
public final class IpPrefix {
    private final byte[] bytes;
    private final int bits;

    private IpPrefix(byte[] bytes, int bits) {
        this.bytes = bytes;
        this.bits = bits;
    }

    /** Parses an address or prefix; throws {@link ActionRefused} with a plain message otherwise. */
    public static IpPrefix parse(String text) {
        if (text == null || text.isBlank()) {
            throw ActionRefused.invalid("an address or prefix is needed");
        }
        String t = text.strip();
        if (t.length() > 64 || !t.matches("[0-9A-Fa-f:./]+")) {
            throw ActionRefused.invalid("not an IP address or prefix: " + shown(t)
                    + " (digits, hex, '.', ':' and one '/' only; no host names)");
        }
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        byte[] b = address(addr).orElseThrow(() -> ActionRefused.invalid("not an IP address: " + shown(addr)));
        int max = b.length * 8;
        int n = max;
        if (slash >= 0) {
            String len = t.substring(slash + 1);
            if (!len.matches("\\d{1,3}") || (len.length() > 1 && len.startsWith("0"))) {
                throw ActionRefused.invalid("bad prefix length in " + shown(t));
            }
            n = Integer.parseInt(len);
            boolean mapped = b.length == 4 && addr.indexOf(':') >= 0;
            if (mapped) {
                // ::ffff:10.0.0.0/104 is 10.0.0.0/8
                if (n < 96 || n > 128) {
                    throw ActionRefused.invalid("bad prefix length in " + shown(t));
                }
                n -= 96;
            }
            if (n > max) {
                throw ActionRefused.invalid("prefix length /" + n + " is longer than " + max + " bits in " + shown(t));
            }
        }
        IpPrefix p = new IpPrefix(b, n);
        if (!Arrays.equals(p.network(), b)) {
            throw ActionRefused.invalid(shown(t) + " has host bits set; the network is " + p.withBits(n).masked());
        }
        return p;
    }

    /** True when {@code text} is an IP address or prefix syntop accepts. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (ActionRefused e) {
            return false;
        }
    }

    private IpPrefix withBits(int n) {
        return new IpPrefix(bytes.clone(), n);
    }

    private String masked() {
        return new IpPrefix(network(), bits).toString();
    }

    private byte[] network() {
        byte[] m = bytes.clone();
        for (int i = 0; i < m.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            m[i] = (byte) (m[i] & (0xff << (8 - keep)));
        }
        return m;
    }

    public boolean isIpv6() {
        return bytes.length == 16;
    }

    public int bits() {
        return bits;
    }

    /** True for a single address (/32 or /128). */
    public boolean isHost() {
        return bits == bytes.length * 8;
    }

    /** The address part alone, canonical. */
    public String address() {
        return isIpv6() ? Ip.formatV6(bytes, false) : Ip.formatV4(bytes);
    }

    /** True when {@code other} lies inside this prefix (same family). */
    public boolean contains(IpPrefix other) {
        if (other.bytes.length != bytes.length || other.bits < bits) {
            return false;
        }
        return Arrays.equals(new IpPrefix(other.bytes, bits).network(), network());
    }

    /** True when the address text parses and lies inside this prefix. */
    public boolean containsAddress(String address) {
        try {
            return contains(parse(address));
        } catch (ActionRefused e) {
            return false;
        }
    }

    /** Loopback (127.0.0.0/8, ::1) or unspecified (0.0.0.0, ::) addresses inside this prefix. */
    public boolean touchesLoopbackOrUnspecified() {
        if (isIpv6()) {
            return contains(parse("::1")) || contains(parse("::"));
        }
        return contains(parse("127.0.0.1")) || contains(parse("0.0.0.0")) || parse("127.0.0.0/8").contains(this);
    }

    @Override
    public String toString() {
        return isHost() ? address() : address() + "/" + bits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpPrefix p && p.bits == bits && Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(bytes), bits);
    }

    private static String shown(String s) {
        String cut = s.length() > 48 ? s.substring(0, 48) + "..." : s;
        return "'" + cut.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }

    // ---- parsing ----

    private static java.util.Optional<byte[]> address(String s) {
        if (s.indexOf(':') < 0) {
            return ipv4(s);
        }
        return ipv6(s).map(IpPrefix::unmap);
    }

    private static java.util.Optional<byte[]> ipv4(String s) {
        String[] p = s.split("\\.", -1);
        if (p.length != 4) {
            return java.util.Optional.empty();
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!p[i].matches("\\d{1,3}") || (p[i].length() > 1 && p[i].startsWith("0"))) {
                return java.util.Optional.empty();
            }
            int v = Integer.parseInt(p[i]);
            if (v > 255) {
                return java.util.Optional.empty();
            }
            b[i] = (byte) v;
        }
        return java.util.Optional.of(b);
    }

    private static java.util.Optional<byte[]> ipv6(String s) {
        if (s.indexOf(".") >= 0 && s.lastIndexOf(':') > s.indexOf('.')) {
            return java.util.Optional.empty();
        }
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
            return java.util.Optional.empty();
        }
        String head = dc < 0 ? s : s.substring(0, dc);
        String tail = dc < 0 ? "" : s.substring(dc + 2);
        java.util.List<Integer> h = groups(head, dc < 0);
        java.util.List<Integer> t = groups(tail, true);
        if (h == null || t == null) {
            return java.util.Optional.empty();
        }
        int total = h.size() + t.size();
        if (dc < 0 ? total != 8 : total > 7) {
            return java.util.Optional.empty();
        }
        int[] all = new int[8];
        for (int i = 0; i < h.size(); i++) {
            all[i] = h.get(i);
        }
        for (int i = 0; i < t.size(); i++) {
            all[8 - t.size() + i] = t.get(i);
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[2 * i] = (byte) (all[i] >> 8);
            b[2 * i + 1] = (byte) all[i];
        }
        return java.util.Optional.of(b);
    }

    /** Hex groups separated by ':'; the last may be a dotted IPv4 address when {@code last} is true. */
    private static java.util.List<Integer> groups(String s, boolean last) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        String[] p = s.split(":", -1);
        for (int i = 0; i < p.length; i++) {
            String g = p[i];
            if (last && i == p.length - 1 && g.indexOf('.') >= 0) {
                java.util.Optional<byte[]> v4 = ipv4(g);
                if (v4.isEmpty()) {
                    return null;
                }
                byte[] b = v4.get();
                out.add(((b[0] & 0xff) << 8) | (b[1] & 0xff));
                out.add(((b[2] & 0xff) << 8) | (b[3] & 0xff));
                continue;
            }
            if (!g.matches("[0-9A-Fa-f]{1,4}")) {
                return null;
            }
            out.add(Integer.parseInt(g, 16));
        }
        return out;
    }

    /** {@code ::ffff:a.b.c.d} is the IPv4 address a.b.c.d. */
    private static byte[] unmap(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return b;
            }
        }
        if ((b[10] & 0xff) != 0xff || (b[11] & 0xff) != 0xff) {
            return b;
        }
        return Arrays.copyOfRange(b, 12, 16);
    }
}
