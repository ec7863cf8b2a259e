package syntop.exporter;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed basic-authentication attempts per client: {@code burst} wrong passwords at once, then one
 * more every {@code refillNanos} (a token bucket). A client out of tries is refused without a bcrypt
 * check, whatever it sends, so neither guessing nor burning the exporter's CPU on hashes scales with
 * the rate a client can send. Remembers at most {@code maxClients}; a client back at its full
 * allowance is forgotten first, then the one that failed longest ago.
 */
final class AuthThrottle {
    private final int burst;
    private final long refillNanos;
    private final int maxClients;
    private final LongSupplier clock;
    /** Per client: the time at which its allowance is full again (it holds {@code burst} tries then). */
    private final Map<String, Long> fullAt = new LinkedHashMap<>();

    AuthThrottle(int burst, long refillNanos, int maxClients, LongSupplier clock) {
        this.burst = burst;
        this.refillNanos = refillNanos;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /**
     * Takes one try from {@code client}'s allowance: 0 when it may try now, else the nanoseconds until
     * its next try. A try that succeeds is handed back with {@link #succeeded}.
     */
    synchronized long take(String client) {
        long now = clock.getAsLong();
        long full = Math.max(fullAt.getOrDefault(client, now), now);
        long after = full + refillNanos;
        long emptyAt = now + (long) burst * refillNanos;
        if (after - emptyAt > 0) {
            return after - emptyAt;
        }
        fullAt.remove(client);
        fullAt.put(client, after);
        trim(now);
        return 0;
    }

    /** The credentials were right: the try is not counted. */
    synchronized void succeeded(String client) {
        Long full = fullAt.get(client);
        if (full != null) {
            long back = full - refillNanos;
            if (back - clock.getAsLong() <= 0) {
                fullAt.remove(client);
            } else {
                fullAt.put(client, back);
            }
        }
    }

    private void trim(long now) {
        if (fullAt.size() <= maxClients) {
            return;
        }
        fullAt.values().removeIf(t -> t - now <= 0);
        for (Iterator<Long> it = fullAt.values().iterator(); it.hasNext() && fullAt.size() > maxClients; ) {
            it.next();
            it.remove();
        }
    }
}
