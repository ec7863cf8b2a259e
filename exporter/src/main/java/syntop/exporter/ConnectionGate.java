package syntop.exporter;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may hold one of the exporter's connections, so that one client (or a few) cannot take them
 * all and blind Prometheus:
 * <ul>
 * <li>at most {@code perClient} connections from one client (an IPv4 address, or an IPv6 /64:
 *     one host usually holds a whole /64, and picks new addresses in it at will);</li>
 * <li>the last {@code reserved} of the {@code total} slots go only to a client that holds none, so a
 *     Prometheus that reconnects still finds one while several clients hold all they may;</li>
 * <li>when every slot is taken, a client that holds none takes the oldest connection of the client
 *     holding the most, among those still waiting for a request (never one being answered).</li>
 * </ul>
 * Pure bookkeeping: it decides, the server closes.
 */
final class ConnectionGate {
    /** One admitted connection; {@code evict} closes it. */
    final class Ticket {
        final String client;
        private final Runnable evict;
        private final long order;
        private boolean answering;

        private Ticket(String client, Runnable evict, long order) {
            this.client = client;
            this.evict = evict;
            this.order = order;
        }
    }

    /** The outcome of a connection attempt: admitted (perhaps at the cost of {@code evicted}), or refused. */
    record Admission(Optional<Ticket> ticket, Optional<Runnable> evicted) {
        static final Admission REFUSED = new Admission(Optional.empty(), Optional.empty());
    }

    private final int total;
    private final int perClient;
    private final int reserved;
    private final Map<String, Set<Ticket>> byClient = new HashMap<>();
    private int open;
    private long next;

    ConnectionGate(int total, int perClient, int reserved) {
        if (total < 1 || perClient < 1 || reserved < 0 || reserved >= total) {
            throw new IllegalArgumentException("total " + total + ", perClient " + perClient + ", reserved " + reserved);
        }
        this.total = total;
        this.perClient = perClient;
        this.reserved = reserved;
    }

    /** The key a client's connections are counted under: the IPv4 address, or the IPv6 address's /64. */
    static String clientOf(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] a = address.getAddress();
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                b.append(Integer.toHexString(((a[i] & 0xff) << 8) | (a[i + 1] & 0xff))).append(':');
            }
            return b.append(":/64").toString();
        }
        return address instanceof Inet4Address ? address.getHostAddress() : String.valueOf(address);
    }

    /** Decides on a new connection from {@code client}; an admitted one must be {@link #release}d when it closes. */
    synchronized Admission admit(String client, Runnable evict) {
        Set<Ticket> mine = byClient.getOrDefault(client, Set.of());
        if (mine.size() >= perClient) {
            return Admission.REFUSED;
        }
        Optional<Runnable> evicted = Optional.empty();
        if (open >= total - reserved && !mine.isEmpty()) {
            return Admission.REFUSED;
        }
        if (open >= total) {
            Optional<Ticket> victim = victim();
            if (victim.isEmpty()) {
                return Admission.REFUSED;
            }
            remove(victim.get());
            evicted = Optional.of(victim.get().evict);
        }
        Ticket t = new Ticket(client, evict, next++);
        byClient.computeIfAbsent(client, k -> new LinkedHashSet<>()).add(t);
        open++;
        return new Admission(Optional.of(t), evicted);
    }

    /** The oldest waiting connection of the client holding the most (more than one), if any. */
    private Optional<Ticket> victim() {
        List<Set<Ticket>> holders = new ArrayList<>(byClient.values());
        holders.sort((a, b) -> Integer.compare(b.size(), a.size()));
        for (Set<Ticket> h : holders) {
            if (h.size() < 2) {
                break;
            }
            Optional<Ticket> waiting = h.stream().filter(t -> !t.answering)
                    .min((a, b) -> Long.compare(a.order, b.order));
            if (waiting.isPresent()) {
                return waiting;
            }
        }
        return Optional.empty();
    }

    /** The connection is being answered: it is not taken from its client until it waits again. */
    synchronized void answering(Ticket t, boolean answering) {
        t.answering = answering;
    }

    /** The connection closed (or was evicted: then this does nothing). */
    synchronized void release(Ticket t) {
        Set<Ticket> mine = byClient.get(t.client);
        if (mine != null && mine.contains(t)) {
            remove(t);
        }
    }

    private void remove(Ticket t) {
        Set<Ticket> mine = byClient.get(t.client);
        mine.remove(t);
        if (mine.isEmpty()) {
            byClient.remove(t.client);
        }
        open--;
    }

    synchronized int open() {
        return open;
    }

    synchronized int openBy(String client) {
        return byClient.getOrDefault(client, Set.of()).size();
    }
}
