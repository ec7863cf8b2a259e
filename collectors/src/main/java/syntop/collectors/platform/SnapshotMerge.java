package syntop.collectors.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import syntop.collectors.model.AddressCount;
import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OwnerListing;
import syntop.collectors.model.Reading;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;

/**
 * The merge rules, a pure function: the readings of one tick become one snapshot. Sources come in
 * priority order: the first one that counts states, lists listeners or lists the remotes of a state
 * wins; a later source only lends queue limits and owners to listeners that lack them, and a
 * source that lists owners apart from queues names the owner of each listener; counters and tunables
 * are united. Listeners without a SYN queue take it from a per-port SYN_RECV count (Linux). What a
 * source contributed on an earlier tick is {@link LastReadings}' business, not this one's.
 */
public final class SnapshotMerge {
    private SnapshotMerge() {
    }

    /** One source's contribution: its reading (possibly from an earlier tick, when stale) and its status. */
    public record Contribution(Reading reading, SourceStatus status) {
    }

    public static Snapshot merge(Instant at, long monoNanos, HostInfo host, List<Contribution> contributions) {
        Map<String, SourceStatus> sources = new LinkedHashMap<>();
        StateCounts states = StateCounts.empty();
        Counters.Builder counters = Counters.builder();
        List<ListenQueue> listeners = new ArrayList<>();
        Map<TcpState, List<AddressCount>> remotes = new EnumMap<>(TcpState.class);
        Map<Integer, Long> synRecvByPort = new TreeMap<>();
        Map<String, String> tunables = new TreeMap<>();
        List<OwnerListing> owners = new ArrayList<>();
        for (Contribution c : contributions) {
            sources.put(c.status().id(), c.status());
            Reading r = c.reading();
            if (states.isEmpty() && !r.states().isEmpty()) {
                states = r.states();
                // the half-open count per port belongs to the table that counted the states
                synRecvByPort.putAll(r.synRecvByPort());
            }
            counters.putAll(r.counters());
            if (listeners.isEmpty()) {
                listeners.addAll(r.listeners());
            } else {
                lendLimitsAndOwners(listeners, r.listeners());
            }
            r.remotes().forEach(remotes::putIfAbsent);
            tunables.putAll(r.tunables());
            r.owners().ifPresent(owners::add);
        }
        if (!owners.isEmpty()) {
            listeners = withOwners(listeners, owners.get(0));
        }
        if (!states.isEmpty()) {
            // a connection table was read: a listening port without half-open connections has 0
            List<ListenQueue> withSyn = new ArrayList<>(listeners.size());
            for (ListenQueue q : listeners) {
                withSyn.add(q.synQueue().isPresent() ? q : q.withSynQueue(synRecvByPort.getOrDefault(q.port(), 0L)));
            }
            listeners = withSyn;
        }
        return new Snapshot(at, monoNanos, host, sources, states, counters.build(), listeners, remotes, tunables);
    }

    /**
     * Listeners without an owner take it from the listing of a source that names owners apart from
     * the queues (sockstat, lsof): a listener it does not name is said to be unnamed by it.
     */
    private static List<ListenQueue> withOwners(List<ListenQueue> listeners, OwnerListing owners) {
        List<ListenQueue> out = new ArrayList<>(listeners.size());
        for (ListenQueue q : listeners) {
            out.add(q.process().isPresent() ? q : q.withProcess(owners.ownerOf(q)));
        }
        return out;
    }

    /**
     * Listeners whose source does not know their queue limit (Linux's /proc/net/tcp) or owner take
     * them from a later source that lists the same socket with them ({@code ss -ltnp}, read less often).
     */
    private static void lendLimitsAndOwners(List<ListenQueue> listeners, List<ListenQueue> withLimits) {
        for (int i = 0; i < listeners.size(); i++) {
            ListenQueue q = listeners.get(i);
            for (ListenQueue o : withLimits) {
                if (!o.sameSocket(q)) {
                    continue;
                }
                if (q.limit().isEmpty() && o.limit().isPresent()) {
                    q = q.withLimit(o.limit().getAsLong());
                }
                if (q.process().isEmpty() && o.process().isPresent()) {
                    q = q.withProcess(o.process().get());
                }
                listeners.set(i, q);
                break;
            }
        }
    }

}
