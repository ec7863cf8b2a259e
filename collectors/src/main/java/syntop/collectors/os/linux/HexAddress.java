package syntop.collectors.os.linux;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import syntop.collectors.parse.Numbers;

/**
 * Addresses as /proc/net/tcp prints them: the kernel's 32-bit words in host (little-endian) byte
 * order, 8 hex digits for IPv4, 32 for IPv6. IPv4-mapped IPv6 addresses are shown as IPv4, since
 * that is how an operator blocks them.
 */
public final class HexAddress {
    private HexAddress() {
    }

    public static Optional<String> decode(String hex) {
        if (hex.length() != 8 && hex.length() != 32) {
            return Optional.empty();
        }
        byte[] addr = new byte[hex.length() / 2];
        for (int word = 0; word < hex.length() / 8; word++) {
            var v = Numbers.parseHex(hex.substring(word * 8, word * 8 + 8));
            if (v.isEmpty()) {
                return Optional.empty();
            }
            long w = v.getAsLong();
            // little-endian 32-bit word: the lowest byte comes first in memory
            for (int k = 0; k < 4; k++) {
                addr[word * 4 + k] = (byte) (w >>> (8 * k));
            }
        }
        try {
            InetAddress a = InetAddress.getByAddress(addr);
            String s = a.getHostAddress();
            if (addr.length == 16 && s.indexOf(':') >= 0) {
                s = compress(s);
            }
            return Optional.of(s);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Java prints IPv6 uncompressed ({@code 0:0:0:0:0:0:0:1}); operators read {@code ::1}. */
    static String compress(String full) {
        String[] g = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < g.length; ) {
            if (g[i].equals("0")) {
                int j = i;
                while (j < g.length && g[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bestStart; i++) {
            sb.append(i > 0 ? ":" : "").append(g[i]);
        }
        sb.append("::");
        for (int i = bestStart + bestLen; i < g.length; i++) {
            sb.append(i > bestStart + bestLen ? ":" : "").append(g[i]);
        }
        return sb.toString();
    }
}
