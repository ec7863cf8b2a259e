package syntop.collectors.os.bsd;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import syntop.collectors.parse.Numbers;

/**
 * An address as BSD {@code netstat} prints it: host and port joined by a dot for both families
 * ({@code 127.0.0.1.8080}, {@code ::1.631}, {@code *.22}, {@code *.*}). The port is what follows the
 * last dot; without {@code -n} it may be a service name.
 *
 * @param host     the host part ({@code *} for a wildcard); IPv6 hosts may be cut to the column width
 * @param port     the port number, empty when the port is {@code *} or an unknown service name
 * @param portText the port as printed
 */
public record BsdAddress(String host, OptionalInt port, String portText) {
    /**
     * Well-known service names netstat prints without {@code -n} (IANA assignments, as in
     * {@code /etc/services}); only the ones a listening server commonly has.
     */
    private static final Map<String, Integer> SERVICES = Map.ofEntries(
            Map.entry("ftp", 21), Map.entry("ssh", 22), Map.entry("telnet", 23), Map.entry("smtp", 25),
            Map.entry("domain", 53), Map.entry("http", 80), Map.entry("kerberos", 88), Map.entry("pop3", 110),
            Map.entry("sunrpc", 111), Map.entry("imap", 143), Map.entry("ldap", 389), Map.entry("https", 443),
            Map.entry("microsoft-ds", 445), Map.entry("afpovertcp", 548), Map.entry("submission", 587),
            Map.entry("ipp", 631), Map.entry("ldaps", 636), Map.entry("rsync", 873), Map.entry("imaps", 993),
            Map.entry("pop3s", 995), Map.entry("mysql", 3306), Map.entry("postgresql", 5432),
            Map.entry("http-alt", 8080));

    /** True when the host is IPv6 and as long as netstat's column lets it be, so it may be a prefix. */
    public boolean maybeCutIpv6() {
        return host.indexOf(':') >= 0 && host.length() >= 16;
    }

    public boolean isWildcardHost() {
        return host.equals("*");
    }

    /** Splits {@code host.port} at the last dot; empty when the text has no dot or an empty part. */
    public static Optional<BsdAddress> parse(String text) {
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            return Optional.empty();
        }
        String host = text.substring(0, dot);
        String portText = text.substring(dot + 1);
        if (portText.equals("*")) {
            return Optional.of(new BsdAddress(host, OptionalInt.empty(), portText));
        }
        for (int i = 0; i < portText.length(); i++) {
            char ch = portText.charAt(i);
            if (!(Character.isLetterOrDigit(ch) || ch == '-' || ch == '_')) {
                return Optional.empty();
            }
        }
        if (Character.isDigit(portText.charAt(0))) {
            long p = Numbers.parseCount(portText).orElse(-1);
            if (!Numbers.isPort(p)) {
                return Optional.empty();
            }
            return Optional.of(new BsdAddress(host, OptionalInt.of((int) p), portText));
        }
        Integer known = SERVICES.get(portText);
        return Optional.of(new BsdAddress(host, known == null ? OptionalInt.empty() : OptionalInt.of(known), portText));
    }

    /**
     * A protocol column value such as {@code tcp4}, {@code tcp46}, {@code udp6}, {@code unix}: lower-case
     * letters then digits, with at least one letter that is not a hex digit (so a socket address such
     * as {@code fffff80003ab6100} or a flow hash is never taken for a protocol).
     */
    static boolean isProtocolName(String s) {
        int i = 0;
        boolean nonHex = false;
        while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
            if (s.charAt(i) > 'f') {
                nonHex = true;
            }
            i++;
        }
        if (i < 2 || !nonHex) {
            return false;
        }
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i == s.length();
    }

    /** {@code tcp}, {@code tcp4}, {@code tcp6}, {@code tcp46}, and FreeBSD's offloaded {@code toe4}/{@code toe6}. */
    static boolean isTcpProtocol(String proto) {
        return proto.startsWith("tcp") || proto.startsWith("toe");
    }

    /** FreeBSD's "Some tcp sockets may have been deleted." (also "created", "created or deleted"). */
    static boolean isListChangedLine(String stripped) {
        return stripped.startsWith("Some ") && stripped.contains(" sockets may have been ");
    }
}
