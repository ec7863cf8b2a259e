package syntop.collectors.model;

import java.util.Objects;

/**
 * A listening socket's owning process, as a source that lists owners but not queues reports it
 * ({@code sockstat}, {@code lsof}); the listener it belongs to comes from another source.
 *
 * @param protocol     e.g. {@code tcp4}, {@code tcp6}, {@code tcp46}, or {@code tcp} when the source does not tell
 * @param localAddress the bound address, {@code *} for a wildcard
 * @param port         the local port
 * @param process      the process holding it
 */
public record SocketOwner(String protocol, String localAddress, int port, ProcessOwner process) {
    public SocketOwner {
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(localAddress);
        Objects.requireNonNull(process);
    }

    /**
     * The listener this row describes: same port and address (a wildcard in either spelling), or
     * an IPv6 address that BSD netstat cut to its 16-character column and this row prints whole.
     */
    public boolean owns(ListenQueue q) {
        String cut = q.localAddress();
        return q.sameSocket(localAddress, port) || (q.port() == port && cut.indexOf(':') >= 0
                && cut.length() >= CUT_IPV6 && localAddress.length() > cut.length() && localAddress.startsWith(cut));
    }

    /** The width of BSD netstat's host column for an IPv6 address. */
    private static final int CUT_IPV6 = 16;
}
