package syntop.tui.view;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The operator's {@code /} filter: a port ({@code 8080}), an address or a part of one
 * ({@code 10.99.0.}), or a prefix ({@code 10.99.0.0/24}, {@code 2001:db8::/32}). Empty matches all.
 */
public final class Filter {
    private final String text;
    private final int port;
    private final Optional<Prefix> prefix;

    private record Prefix(BigInteger network, int bits, int length) {
    }

    private Filter(String text) {
        this.text = text.strip().toLowerCase(Locale.ROOT);
        this.port = this.text.matches("\\d{1,5}") ? Integer.parseInt(this.text) : -1;
        this.prefix = parsePrefix(this.text);
    }

    public static Filter of(String text) {
        return new Filter(text == null ? "" : text);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** A listening socket matches by its port, or by its address. */
    public boolean matchesListener(String address, int listenPort) {
        if (isEmpty()) {
            return true;
        }
        if (port >= 0) {
            return listenPort == port;
        }
        return matchesAddress(address);
    }

    /** A remote address matches by prefix, or when it contains the text; a bare port matches no address. */
    public boolean matchesAddress(String address) {
        if (isEmpty()) {
            return true;
        }
        if (port >= 0) {
            return false;
        }
        if (prefix.isPresent()) {
            return inPrefix(address, prefix.get());
        }
        return address.toLowerCase(Locale.ROOT).contains(text);
    }

    private static Optional<Prefix> parsePrefix(String t) {
        int slash = t.indexOf('/');
        if (slash <= 0 || !t.substring(slash + 1).matches("\\d{1,3}")) {
            return Optional.empty();
        }
        Optional<byte[]> addr = literal(t.substring(0, slash));
        int bits = Integer.parseInt(t.substring(slash + 1));
        if (addr.isEmpty() || bits > addr.get().length * 8) {
            return Optional.empty();
        }
        return Optional.of(new Prefix(new BigInteger(1, addr.get()), bits, addr.get().length));
    }

    private static boolean inPrefix(String address, Prefix p) {
        Optional<byte[]> a = literal(address);
        if (a.isEmpty() || a.get().length != p.length()) {
            return false;
        }
        int shift = p.length() * 8 - p.bits();
        return new BigInteger(1, a.get()).shiftRight(shift).equals(p.network().shiftRight(shift));
    }

    /** Parses an IP literal only (never a host name: no DNS lookups from a filter). */
    private static Optional<byte[]> literal(String s) {
        if (!s.matches("[0-9a-fA-F:.]+") || (s.indexOf(':') < 0 && !s.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s).getAddress());
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }
}
