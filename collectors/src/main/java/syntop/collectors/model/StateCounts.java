package syntop.collectors.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Connections per TCP state. Immutable; states never seen count 0. An empty instance means no
 * source counted states, which differs from a counted table with no connections.
 */
public final class StateCounts {
    private static final StateCounts EMPTY = new StateCounts(new EnumMap<>(TcpState.class), false);
    private final Map<TcpState, Long> counts;
    private final boolean counted;

    private StateCounts(EnumMap<TcpState, Long> counts, boolean counted) {
        this.counts = Collections.unmodifiableMap(counts);
        this.counted = counted;
    }

    public static StateCounts empty() {
        return EMPTY;
    }

    public static StateCounts of(Map<TcpState, Long> counts) {
        EnumMap<TcpState, Long> copy = new EnumMap<>(TcpState.class);
        counts.forEach((k, v) -> {
            if (v != null && v != 0) {
                copy.put(k, v);
            }
        });
        return new StateCounts(copy, true);
    }

    public long get(TcpState state) {
        return counts.getOrDefault(state, 0L);
    }

    public long total() {
        long t = 0;
        for (long v : counts.values()) {
            t += v;
        }
        return t;
    }

    /** True when no source counted states (not when every count is 0). */
    public boolean isEmpty() {
        return !counted;
    }

    public Map<TcpState, Long> asMap() {
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateCounts && ((StateCounts) o).counts.equals(counts) && ((StateCounts) o).counted == counted;
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return counts.toString();
    }

    /** Mutable tally used by parsers while counting rows. */
    public static final class Tally {
        private final long[] counts = new long[TcpState.values().length];

        public void add(TcpState s) {
            counts[s.ordinal()]++;
        }

        public void add(TcpState s, long n) {
            counts[s.ordinal()] += n;
        }

        public long total() {
            long t = 0;
            for (long n : counts) {
                t += n;
            }
            return t;
        }

        public StateCounts toCounts() {
            EnumMap<TcpState, Long> m = new EnumMap<>(TcpState.class);
            for (TcpState s : TcpState.values()) {
                if (counts[s.ordinal()] != 0) {
                    m.put(s, counts[s.ordinal()]);
                }
            }
            return new StateCounts(m, true);
        }
    }
}
