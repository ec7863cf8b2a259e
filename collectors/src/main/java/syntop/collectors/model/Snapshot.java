package syntop.collectors.model;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything syntop knows about the TCP stack at one tick. Immutable; built once per tick by the
 * sampler and then only read (by the console, the recorder, the exporter).
 *
 * @param at         wall-clock time of the tick
 * @param monoNanos  monotonic clock at the tick, for rates
 * @param host       which machine
 * @param sources    status of every source, in polling order
 * @param states     connections per TCP state
 * @param counters   counters and gauges (normalised and raw)
 * @param listeners  listening sockets and their queues
 * @param remotes    for pile-up states, connections per remote address, most first
 * @param tunables   kernel settings (sysctl key → value)
 * @param kernelEvents what the kernel's log said about TCP, newest first (a bounded number, see
 *                   {@code KernelLogBook}), those from before syntop started included and marked
 */
public record Snapshot(Instant at, long monoNanos, HostInfo host, Map<String, SourceStatus> sources,
                       StateCounts states, Counters counters, List<ListenQueue> listeners,
                       Map<TcpState, List<AddressCount>> remotes, Map<String, String> tunables,
                       List<KernelEvent> kernelEvents) {

    public Snapshot {
        Objects.requireNonNull(at);
        Objects.requireNonNull(host);
        Objects.requireNonNull(states);
        Objects.requireNonNull(counters);
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        listeners = List.copyOf(listeners);
        EnumMap<TcpState, List<AddressCount>> r = new EnumMap<>(TcpState.class);
        remotes.forEach((k, v) -> r.put(k, List.copyOf(v)));
        remotes = Collections.unmodifiableMap(r);
        tunables = Collections.unmodifiableMap(new TreeMap<>(tunables));
        kernelEvents = List.copyOf(kernelEvents);
    }

    /** A snapshot of a platform that reads no kernel log, or before it was read. */
    public Snapshot(Instant at, long monoNanos, HostInfo host, Map<String, SourceStatus> sources,
                    StateCounts states, Counters counters, List<ListenQueue> listeners,
                    Map<TcpState, List<AddressCount>> remotes, Map<String, String> tunables) {
        this(at, monoNanos, host, sources, states, counters, listeners, remotes, tunables, List.of());
    }

    /** The same snapshot with these kernel events (newest first). */
    public Snapshot withKernelEvents(List<KernelEvent> events) {
        return new Snapshot(at, monoNanos, host, sources, states, counters, listeners, remotes, tunables, events);
    }

    public Optional<SourceStatus> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    public List<AddressCount> remotes(TcpState state) {
        return remotes.getOrDefault(state, List.of());
    }

    public Optional<String> tunable(String key) {
        return Optional.ofNullable(tunables.get(key));
    }

    /** True when at least one source failed this tick (the exit status of {@code syntop once} depends on it). */
    public boolean anySourceFailed() {
        return sources.values().stream().anyMatch(SourceStatus::isFailure);
    }
}
