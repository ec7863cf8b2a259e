package syntop.collectors.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Counter values of one tick: normalised ids, and every raw counter under its OS's own name.
 *
 * <p>Raw names follow one scheme: {@code <source>.<label>}, the source's short name ({@code sockstat},
 * {@code synproxy}, {@code netstat-s}, {@code pfctl}), then the OS's own label, its section first where
 * the output has sections: {@code sockstat.TCP.alloc}, {@code synproxy.entries},
 * {@code pfctl.limit.states}, {@code netstat-s.listen queue overflow}.
 *
 * <p>Two kinds of name do not follow it, and stay because recordings and goldens hold them:
 * <ul>
 * <li>Linux's {@code /proc/net/snmp} and {@code /proc/net/netstat} counters carry the names
 * {@code nstat} prints, table and field run together with no source: {@code TcpExtSyncookiesSent},
 * {@code TcpActiveOpens};
 * <li>{@code netstat-s} labels lose their plural suffixes and join a sub-line to its parent with
 * {@code ": "} ({@code netstat-s.packet sent: window update packet}, see {@code NetstatTcpStatsParser}).
 * </ul>
 */
public final class Counters {
    private static final Counters EMPTY = new Counters(new EnumMap<>(CounterId.class), new TreeMap<>());
    private final Map<CounterId, Long> normalised;
    private final Map<String, Long> raw;

    private Counters(EnumMap<CounterId, Long> normalised, TreeMap<String, Long> raw) {
        this.normalised = Collections.unmodifiableMap(normalised);
        this.raw = Collections.unmodifiableMap(raw);
    }

    public static Counters empty() {
        return EMPTY;
    }

    public OptionalLong get(CounterId id) {
        Long v = normalised.get(id);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    public boolean has(CounterId id) {
        return normalised.containsKey(id);
    }

    public Map<CounterId, Long> normalised() {
        return normalised;
    }

    public Map<String, Long> raw() {
        return raw;
    }

    public boolean isEmpty() {
        return normalised.isEmpty() && raw.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counters && ((Counters) o).normalised.equals(normalised) && ((Counters) o).raw.equals(raw);
    }

    @Override
    public int hashCode() {
        return normalised.hashCode() * 31 + raw.hashCode();
    }

    @Override
    public String toString() {
        return "Counters" + normalised;
    }

    public static final class Builder {
        private final EnumMap<CounterId, Long> normalised = new EnumMap<>(CounterId.class);
        private final TreeMap<String, Long> raw = new TreeMap<>();

        public Builder put(CounterId id, long value) {
            normalised.put(id, value);
            return this;
        }

        /** Adds to an id that several raw counters feed (e.g. per-CPU rows). */
        public Builder add(CounterId id, long value) {
            normalised.merge(id, value, Long::sum);
            return this;
        }

        public Builder raw(String name, long value) {
            raw.put(name, value);
            return this;
        }

        public Builder putAll(Counters other) {
            normalised.putAll(other.normalised);
            raw.putAll(other.raw);
            return this;
        }

        public Counters build() {
            return new Counters(new EnumMap<>(normalised), new TreeMap<>(raw));
        }
    }
}
