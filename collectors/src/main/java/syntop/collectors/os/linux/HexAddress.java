package syntop.collectors.os.linux;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import syntop.collectors.net.Ip;
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
            // an IPv4-mapped address comes back as IPv4; Java prints other IPv6 addresses uncompressed
            InetAddress a = InetAddress.getByAddress(addr);
            return Optional.of(a instanceof Inet4Address ? a.getHostAddress() : Ip.formatV6(a.getAddress(), false));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
