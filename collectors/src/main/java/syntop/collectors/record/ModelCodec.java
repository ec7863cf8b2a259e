package syntop.collectors.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import syntop.collectors.model.AddressCount;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OwnerListing;
import syntop.collectors.model.ProcessOwner;
import syntop.collectors.model.Reading;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SocketOwner;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;

/**
 * Encodes the model's values a tick record holds (docs/recording-format.md): the snapshot and its
 * parts, a source's reading, and the times, durations and enum names they are made of. Enum values
 * are stored by name; a counter name this version does not know is skipped on reading.
 */
final class ModelCodec {
    private ModelCodec() {
    }

    static void snapshot(Wire.Out w, Snapshot s) {
        w.var(s.sources().size());
        for (SourceStatus st : s.sources().values()) {
            w.str(st.id()).str(st.health().name()).str(st.detail());
            duration(w, st.took());
            duration(w, st.every());
            w.bool(st.optional());
        }
        states(w, s.states());
        counters(w, s.counters());
        listeners(w, s.listeners());
        remotes(w, s.remotes());
        strings(w, s.tunables());
    }

    static Snapshot snapshot(Wire.In in, Instant at, long mono, HostInfo host, int version) {
        int n = in.count();
        Map<String, SourceStatus> sources = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String id = in.str();
            SourceHealth h = enumOf(SourceHealth.class, in.str(), "health");
            String detail = in.str();
            Duration took = duration(in);
            Duration every = duration(in);
            sources.put(id, new SourceStatus(id, h, detail, took, every, in.bool()));
        }
        StateCounts states = states(in);
        Counters counters = counters(in);
        List<ListenQueue> listeners = listeners(in, version);
        Map<TcpState, List<AddressCount>> remotes = remotes(in);
        Map<String, String> tunables = strings(in);
        return new Snapshot(at, mono, host, sources, states, counters, listeners, remotes, tunables);
    }

    static void reading(Wire.Out w, Reading r) {
        states(w, r.states());
        counters(w, r.counters());
        listeners(w, r.listeners());
        remotes(w, r.remotes());
        w.var(r.synRecvByPort().size());
        r.synRecvByPort().forEach((port, count) -> w.var(port).svar(count));
        strings(w, r.tunables());
        // version 2: the owners a source lists apart from the queues
        w.bool(r.owners().isPresent());
        r.owners().ifPresent(o -> {
            w.var(o.named().size());
            for (SocketOwner so : o.named()) {
                w.str(so.protocol()).str(so.localAddress()).var(so.port());
                process(w, so.process());
            }
            w.str(o.unnamed());
        });
    }

    static Reading reading(Wire.In in, int version) {
        StateCounts states = states(in);
        Counters counters = counters(in);
        List<ListenQueue> listeners = listeners(in, version);
        Map<TcpState, List<AddressCount>> remotes = remotes(in);
        int n = in.count();
        Map<Integer, Long> syn = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            syn.put((int) in.var(), in.svar());
        }
        Map<String, String> tunables = strings(in);
        Optional<OwnerListing> owners = Optional.empty();
        if (version >= 2 && in.bool()) {
            int m = in.count();
            List<SocketOwner> named = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                String proto = in.str();
                String addr = in.str();
                named.add(new SocketOwner(proto, addr, port(in), process(in)));
            }
            owners = Optional.of(new OwnerListing(named, in.str()));
        }
        return new Reading(states, counters, listeners, remotes, syn, tunables, List.of(), owners);
    }

    private static void states(Wire.Out w, StateCounts s) {
        w.bool(!s.isEmpty());
        w.var(s.asMap().size());
        s.asMap().forEach((st, n) -> w.str(st.name()).svar(n));
    }

    private static StateCounts states(Wire.In in) {
        boolean counted = in.bool();
        int n = in.count();
        Map<TcpState, Long> m = new EnumMap<>(TcpState.class);
        for (int i = 0; i < n; i++) {
            m.put(enumOf(TcpState.class, in.str(), "state"), in.svar());
        }
        return counted ? StateCounts.of(m) : StateCounts.empty();
    }

    private static void counters(Wire.Out w, Counters c) {
        w.var(c.normalised().size());
        c.normalised().forEach((id, v) -> w.str(id.name()).svar(v));
        w.var(c.raw().size());
        c.raw().forEach((name, v) -> w.str(name).svar(v));
    }

    private static Counters counters(Wire.In in) {
        Counters.Builder b = Counters.builder();
        int n = in.count();
        for (int i = 0; i < n; i++) {
            CounterId id = lenientEnum(CounterId.class, in.str());
            long v = in.svar();
            if (id != null) {
                b.put(id, v);
            }
        }
        int m = in.count();
        for (int i = 0; i < m; i++) {
            b.raw(in.str(), in.svar());
        }
        return b.build();
    }

    private static void listeners(Wire.Out w, List<ListenQueue> list) {
        w.var(list.size());
        for (ListenQueue q : list) {
            w.str(q.protocol()).str(q.localAddress()).var(q.port()).svar(q.acceptQueue());
            optionalLong(w, q.synQueue());
            optionalLong(w, q.limit());
            // version 2: the owning process, or why it is not known
            w.bool(q.process().isPresent());
            q.process().ifPresent(p -> process(w, p));
        }
    }

    private static List<ListenQueue> listeners(Wire.In in, int version) {
        int n = in.count();
        List<ListenQueue> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String proto = in.str();
            String addr = in.str();
            int port = port(in);
            long accept = in.svar();
            ListenQueue q = new ListenQueue(proto, addr, port, accept, optionalLong(in), optionalLong(in));
            out.add(version >= 2 && in.bool() ? q.withProcess(process(in)) : q);
        }
        return out;
    }

    private static int port(Wire.In in) {
        long port = in.var();
        if (port > 65535) {
            throw new RecordingFormatException("bad port " + port);
        }
        return (int) port;
    }

    /** {@code u8 known}, then {@code var pid, str name, str user, str why the user is unknown}, or {@code str why}. */
    private static void process(Wire.Out w, ProcessOwner p) {
        w.bool(p.known());
        if (p.known()) {
            w.var(p.pid().getAsLong()).str(p.name()).str(p.user()).str(p.userUnknown());
        } else {
            w.str(p.unknown());
        }
    }

    private static ProcessOwner process(Wire.In in) {
        if (in.bool()) {
            long pid = in.var();
            return new ProcessOwner(OptionalLong.of(pid), in.str(), "", in.str(), in.str());
        }
        return ProcessOwner.notVisible(in.str());
    }

    private static void remotes(Wire.Out w, Map<TcpState, List<AddressCount>> remotes) {
        w.var(remotes.size());
        remotes.forEach((st, list) -> {
            w.str(st.name()).var(list.size());
            for (AddressCount a : list) {
                w.str(a.address()).svar(a.count());
            }
        });
    }

    private static Map<TcpState, List<AddressCount>> remotes(Wire.In in) {
        int n = in.count();
        Map<TcpState, List<AddressCount>> out = new EnumMap<>(TcpState.class);
        for (int i = 0; i < n; i++) {
            TcpState st = enumOf(TcpState.class, in.str(), "state");
            int m = in.count();
            List<AddressCount> list = new ArrayList<>(m);
            for (int j = 0; j < m; j++) {
                list.add(new AddressCount(in.str(), in.svar()));
            }
            out.put(st, list);
        }
        return out;
    }

    private static void strings(Wire.Out w, Map<String, String> m) {
        w.var(m.size());
        m.forEach((k, v) -> w.str(k).str(v));
    }

    private static Map<String, String> strings(Wire.In in) {
        int n = in.count();
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            m.put(in.str(), in.str());
        }
        return m;
    }

    private static void optionalLong(Wire.Out w, OptionalLong v) {
        w.bool(v.isPresent());
        if (v.isPresent()) {
            w.svar(v.getAsLong());
        }
    }

    private static OptionalLong optionalLong(Wire.In in) {
        return in.bool() ? OptionalLong.of(in.svar()) : OptionalLong.empty();
    }

    static void instant(Wire.Out w, Instant t) {
        w.i64(t.getEpochSecond()).var(t.getNano());
    }

    static void duration(Wire.Out w, Duration d) {
        w.svar(d.toNanos());
    }

    static Duration duration(Wire.In in) {
        return Duration.ofNanos(in.svar());
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String name, String what) {
        E e = lenientEnum(type, name);
        if (e == null) {
            throw new RecordingFormatException("unknown " + what + " '" + name + "'");
        }
        return e;
    }

    static <E extends Enum<E>> E lenientEnum(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
