package syntop.collectors.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One listening socket's queues at one tick.
 *
 * @param protocol      e.g. {@code tcp4}, {@code tcp6}, {@code tcp46}
 * @param localAddress  the bound address as the OS prints it ({@code *}, {@code 0.0.0.0}, {@code ::}, {@code 127.0.0.1})
 * @param port          the local port
 * @param acceptQueue   connections waiting for accept() (BSD qlen, Linux Recv-Q of a LISTEN socket); macOS's qlen
 *                      counts its half-open connections (incqlen) too
 * @param synQueue      half-open connections (BSD incqlen, Linux SYN_RECV count on the port), if the OS tells
 * @param limit         the queue limit (BSD maxqlen, Linux Send-Q of a LISTEN socket), if the OS tells
 * @param process       the owning process, or why it is not known; empty when no source asked (BSD)
 */
public record ListenQueue(String protocol, String localAddress, int port, long acceptQueue, OptionalLong synQueue,
                          OptionalLong limit, Optional<ProcessOwner> process) {
    public ListenQueue {
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(localAddress);
        Objects.requireNonNull(synQueue);
        Objects.requireNonNull(limit);
        Objects.requireNonNull(process);
    }

    /** A listener from a source that does not name its process. */
    public ListenQueue(String protocol, String localAddress, int port, long acceptQueue, OptionalLong synQueue,
                       OptionalLong limit) {
        this(protocol, localAddress, port, acceptQueue, synQueue, limit, Optional.empty());
    }

    public ListenQueue withSynQueue(long n) {
        return new ListenQueue(protocol, localAddress, port, acceptQueue, OptionalLong.of(n), limit, process);
    }

    public ListenQueue withLimit(long n) {
        return new ListenQueue(protocol, localAddress, port, acceptQueue, synQueue, OptionalLong.of(n), process);
    }

    public ListenQueue withProcess(ProcessOwner owner) {
        return new ListenQueue(protocol, localAddress, port, acceptQueue, synQueue, limit, Optional.of(owner));
    }

    /**
     * The same listening socket as {@code o} seen by another source: same port and address, where the
     * IPv6 wildcard may be printed {@code ::} or (dual-stack, by ss) {@code *}.
     */
    public boolean sameSocket(ListenQueue o) {
        return sameSocket(o.localAddress, o.port);
    }

    /** Bound to {@code address} and {@code port}, in the sense of {@link #sameSocket(ListenQueue)}. */
    public boolean sameSocket(String address, int port) {
        return this.port == port && wildcardAsOne(localAddress).equals(wildcardAsOne(address));
    }

    private static String wildcardAsOne(String address) {
        return address.equals("*") ? "::" : address;
    }

    /** How full the accept queue is, 0..1+ (FreeBSD lets qlen reach 1.5 × maxqlen, macOS maxqlen); 0 when the limit is unknown. */
    public double acceptFill() {
        if (limit.isEmpty() || limit.getAsLong() <= 0) {
            return 0;
        }
        return (double) acceptQueue / limit.getAsLong();
    }

    /** How full the SYN queue is relative to the listen limit; 0 when either is unknown. */
    public double synFill() {
        if (limit.isEmpty() || limit.getAsLong() <= 0 || synQueue.isEmpty()) {
            return 0;
        }
        return (double) synQueue.getAsLong() / limit.getAsLong();
    }

    /** The fuller of the two queues. */
    public double fill() {
        return Math.max(acceptFill(), synFill());
    }

    /** {@code addr:port}, with IPv6 addresses in brackets. */
    public String endpoint() {
        return Endpoints.format(localAddress, port);
    }
}
