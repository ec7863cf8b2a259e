package syntop.collectors.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one source understood at one tick: a part of a snapshot. Parsers return readings; the
 * platform merges the readings of one tick into a {@link Snapshot}.
 *
 * @param states         connections per state, if this source counts them
 * @param counters       counters and gauges
 * @param listeners      listening sockets with their queues
 * @param remotes        for pile-up states, connections per remote address, most first
 * @param synRecvByPort  half-open connections per local port (Linux fills listeners' SYN queue from it)
 * @param tunables       kernel settings an operator tunes (sysctl key → value)
 * @param kernelEvents   what the kernel's log said about TCP, in the log's order
 * @param owners         the owners of listening sockets, from a source that names them apart from the queues
 */
public record Reading(StateCounts states, Counters counters, List<ListenQueue> listeners,
                      Map<TcpState, List<AddressCount>> remotes, Map<Integer, Long> synRecvByPort,
                      Map<String, String> tunables, List<KernelEvent> kernelEvents, Optional<OwnerListing> owners) {

    public Reading {
        listeners = List.copyOf(listeners);
        kernelEvents = List.copyOf(kernelEvents);
        EnumMap<TcpState, List<AddressCount>> r = new EnumMap<>(TcpState.class);
        remotes.forEach((k, v) -> r.put(k, List.copyOf(v)));
        remotes = Collections.unmodifiableMap(r);
        synRecvByPort = Collections.unmodifiableMap(new TreeMap<>(synRecvByPort));
        tunables = Collections.unmodifiableMap(new TreeMap<>(tunables));
        java.util.Objects.requireNonNull(owners);
    }

    /** A reading of a source that does not read the kernel's log. */
    public Reading(StateCounts states, Counters counters, List<ListenQueue> listeners,
                   Map<TcpState, List<AddressCount>> remotes, Map<Integer, Long> synRecvByPort,
                   Map<String, String> tunables) {
        this(states, counters, listeners, remotes, synRecvByPort, tunables, List.of(), Optional.empty());
    }

    public static Reading empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return states.isEmpty() && counters.isEmpty() && listeners.isEmpty() && remotes.isEmpty()
                && synRecvByPort.isEmpty() && tunables.isEmpty() && kernelEvents.isEmpty() && owners.isEmpty();
    }

    public static final class Builder {
        private StateCounts states = StateCounts.empty();
        private final Counters.Builder counters = Counters.builder();
        private final List<ListenQueue> listeners = new ArrayList<>();
        private final Map<TcpState, List<AddressCount>> remotes = new EnumMap<>(TcpState.class);
        private final Map<Integer, Long> synRecvByPort = new TreeMap<>();
        private final Map<String, String> tunables = new TreeMap<>();
        private final List<KernelEvent> kernelEvents = new ArrayList<>();
        private OwnerListing owners;

        public Builder states(StateCounts s) {
            this.states = s;
            return this;
        }

        public Counters.Builder counters() {
            return counters;
        }

        public Builder counter(CounterId id, long value) {
            counters.put(id, value);
            return this;
        }

        public Builder raw(String name, long value) {
            counters.raw(name, value);
            return this;
        }

        public Builder listener(ListenQueue q) {
            listeners.add(q);
            return this;
        }

        public Builder remotes(TcpState state, List<AddressCount> top) {
            remotes.put(state, top);
            return this;
        }

        public Builder synRecvByPort(Map<Integer, Long> byPort) {
            synRecvByPort.putAll(byPort);
            return this;
        }

        public Builder tunable(String key, String value) {
            tunables.put(key, value);
            return this;
        }

        public Builder kernelEvent(KernelEvent e) {
            kernelEvents.add(e);
            return this;
        }

        public Builder owners(OwnerListing o) {
            this.owners = o;
            return this;
        }

        public Reading build() {
            return new Reading(states, counters.build(), listeners, remotes, synRecvByPort, tunables, kernelEvents,
                    Optional.ofNullable(owners));
        }
    }
}
