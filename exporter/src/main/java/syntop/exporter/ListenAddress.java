package syntop.exporter;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * {@code --listen ADDR:PORT}: {@code 127.0.0.1:19796}, {@code [::1]:19796}, {@code localhost:19796},
 * or {@code :19796} for every address (as in Prometheus' own {@code --web.listen-address}).
 * Port 0 takes any free port (the one taken is printed at start).
 */
public final class ListenAddress {
    /** syntop's default port: outside 9100-9999, which Prometheus' exporters have used up, and below every OS's ephemeral range but FreeBSD's. */
    public static final int DEFAULT_PORT = 19796;
    public static final String DEFAULT = "127.0.0.1:" + DEFAULT_PORT;

    private ListenAddress() {
    }

    public static InetSocketAddress parse(String text) throws ServeException {
        String t = text == null ? "" : text.strip();
        int colon = t.lastIndexOf(':');
        if (colon < 0) {
            throw usage(text, "no port");
        }
        String host = t.substring(0, colon);
        String portText = t.substring(colon + 1);
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw usage(text, "'" + portText + "' is not a port number");
        }
        if (port < 0 || port > 65535) {
            throw usage(text, "the port must be 0..65535");
        }
        if (host.startsWith("[")) {
            if (!host.endsWith("]")) {
                throw usage(text, "an IPv6 address needs its closing ']'");
            }
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw usage(text, "put an IPv6 address in brackets, e.g. [::1]:" + DEFAULT_PORT);
        }
        if (host.isEmpty()) {
            return new InetSocketAddress(port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw usage(text, "cannot resolve '" + host + "'");
        }
    }

    /** {@code host:port} as a URL authority, IPv6 in brackets. */
    public static String authority(InetSocketAddress a) {
        String h = a.getAddress().getHostAddress();
        int pct = h.indexOf('%');
        if (pct >= 0) {
            h = h.substring(0, pct);
        }
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + a.getPort();
    }

    private static ServeException usage(String text, String why) {
        return new ServeException("--listen '" + text + "': " + why + " (expected ADDR:PORT, e.g. " + DEFAULT + ")",
                true);
    }
}
