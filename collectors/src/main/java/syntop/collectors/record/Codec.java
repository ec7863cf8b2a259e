package syntop.collectors.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

import syntop.collectors.detect.Verdict;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.OwnerListing;
import syntop.collectors.model.ProcessOwner;
import syntop.collectors.model.SocketOwner;
import syntop.collectors.model.Reading;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;
import syntop.collectors.source.Acquisition;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.Source;

/**
 * Encodes the header and tick bodies (docs/recording-format.md). Enum values are stored by name, so
 * reordering an enum never changes what an old file means; a counter name this version does not
 * know is skipped on reading.
 */
final class Codec {
    static final String HEADER_TAG = "syntop recording";
    /** Header extension key (then the source id): the files a command's output names, read after it. */
    static final String THEN_READ = "then-read:";

    private Codec() {
    }

    // ---- header

    static byte[] header(RecordingHeader h) {
        Wire.Out w = new Wire.Out();
        w.str(HEADER_TAG).var(h.formatVersion()).str(h.writer()).i64(h.runId());
        instant(w, h.created());
        w.str(h.host().hostname()).str(h.host().os().token()).str(h.host().osVersion());
        duration(w, h.interval());
        w.var(h.rawTableLimit()).var(h.rawTableEvery());
        w.var(h.sources().size());
        for (RecordingHeader.SourceInfo s : h.sources()) {
            w.str(s.id());
            List<String> args;
            if (s.acquisition() instanceof Acquisition.Command c) {
                w.u8(0);
                args = c.argv();
            } else if (s.acquisition() instanceof Acquisition.Files f) {
                w.u8(1);
                args = f.paths();
            } else {
                // a log device, then the files read with it
                w.u8(2);
                args = ((Acquisition.LogDevice) s.acquisition()).paths();
            }
            w.var(args.size());
            args.forEach(w::str);
            w.str(s.cost().name()).bool(s.optional());
            duration(w, s.budget());
        }
        // extension entries (key, value): the files a command's output names, read after it
        List<String[]> extensions = new ArrayList<>();
        for (RecordingHeader.SourceInfo s : h.sources()) {
            if (s.acquisition() instanceof Acquisition.Command c && c.thenRead().isPresent()) {
                Acquisition.FilesNamed f = c.thenRead().get();
                List<String> fields = new ArrayList<>(List.of(f.pattern(), f.pathFormat(), Integer.toString(f.max())));
                fields.addAll(f.always());
                extensions.add(new String[] {THEN_READ + s.id(), String.join("\t", fields)});
            }
        }
        w.var(extensions.size());
        extensions.forEach(e -> w.str(e[0]).str(e[1]));
        return w.toByteArray();
    }

    static RecordingHeader header(Wire.In in) {
        if (!HEADER_TAG.equals(in.str())) {
            throw new RecordingFormatException("header record without the syntop tag");
        }
        int version = (int) in.var();
        String writer = in.str();
        long runId = in.i64();
        Instant created = RecordingFormat.instant(in);
        String hostname = in.str();
        String osToken = in.str();
        OsFamily os = OsFamily.fromToken(osToken)
                .orElseThrow(() -> new RecordingFormatException("unknown OS '" + osToken + "' in the header"));
        HostInfo host = new HostInfo(hostname, os, in.str());
        Duration interval = duration(in);
        long rawLimit = in.var();
        int rawEvery = (int) Math.min(Integer.MAX_VALUE, in.var());
        int n = in.count();
        List<RecordingHeader.SourceInfo> sources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = in.str();
            int kind = in.u8();
            int k = in.count();
            List<String> args = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                args.add(in.str());
            }
            if (args.isEmpty() || kind > 2) {
                throw new RecordingFormatException("source " + id + ": bad acquisition");
            }
            Acquisition acq = kind == 0 ? new Acquisition.Command(args) : kind == 1 ? new Acquisition.Files(args)
                    : new Acquisition.LogDevice(args.get(0), args.subList(1, args.size()));
            Source.Cost cost = enumOf(Source.Cost.class, in.str(), "cost");
            boolean optional = in.bool();
            sources.add(new RecordingHeader.SourceInfo(id, acq, cost, optional, duration(in)));
        }
        int extensions = in.count();
        Map<String, String> ext = new LinkedHashMap<>();
        for (int i = 0; i < extensions; i++) {
            ext.put(in.str(), in.str());
        }
        for (int i = 0; i < sources.size(); i++) {
            RecordingHeader.SourceInfo s = sources.get(i);
            String then = ext.get(THEN_READ + s.id());
            if (then != null && s.acquisition() instanceof Acquisition.Command c) {
                String[] f = then.split("\t", -1);
                if (f.length < 3 || !f[2].matches("\\d{1,4}")) {
                    throw new RecordingFormatException("source " + s.id() + ": bad " + THEN_READ + " entry");
                }
                Acquisition.FilesNamed named;
                try {
                    named = new Acquisition.FilesNamed(f[0], f[1], Integer.parseInt(f[2]),
                            List.of(f).subList(3, f.length));
                } catch (RuntimeException e) {
                    throw new RecordingFormatException("source " + s.id() + ": bad " + THEN_READ + " entry");
                }
                sources.set(i, new RecordingHeader.SourceInfo(s.id(), c.thenReading(named), s.cost(), s.optional(),
                        s.budget()));
            }
        }
        return new RecordingHeader(version, writer, runId, created, host, interval, sources, rawLimit, rawEvery);
    }

    // ---- tick body

    static byte[] tickBody(TickRecord t) {
        Wire.Out w = new Wire.Out(4096);
        w.var(t.sources().size());
        for (TickRecord.SourceEntry e : t.sources()) {
            w.str(e.id());
            if (e instanceof TickRecord.NotPolled np) {
                w.u8(0);
                duration(w, np.every());
            } else if (e instanceof TickRecord.Raw r) {
                w.u8(1);
                duration(w, r.every());
                RawOutput raw = r.raw();
                w.str(raw.outcome().name()).svar(raw.exitCode());
                duration(w, raw.took());
                w.str(capStderr(raw.stderr())).str(raw.detail());
                w.var(raw.parts().size());
                for (RawPart p : raw.parts()) {
                    w.str(p.name()).bytes(p.data());
                }
            } else {
                TickRecord.ParsedOnly p = (TickRecord.ParsedOnly) e;
                w.u8(2);
                duration(w, p.every());
                w.str(p.status().health().name()).str(p.status().detail());
                duration(w, p.status().took());
                w.bool(p.status().optional());
                reading(w, p.reading());
                w.var(p.rawBytes());
            }
        }
        snapshot(w, t.snapshot());
        w.var(t.verdicts().size());
        for (TickRecord.VerdictMark v : t.verdicts()) {
            w.str(v.kind().name()).str(v.severity().name()).svar(v.port().isPresent() ? v.port().getAsInt() : -1);
        }
        return w.toByteArray();
    }

    static TickRecord tickBody(Wire.In in, Instant at, long mono, HostInfo host, int version) {
        int n = in.count();
        List<TickRecord.SourceEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = in.str();
            int kind = in.u8();
            Duration every = duration(in);
            switch (kind) {
                case 0:
                    entries.add(new TickRecord.NotPolled(id, every));
                    break;
                case 1: {
                    RawOutput.Outcome outcome = enumOf(RawOutput.Outcome.class, in.str(), "outcome");
                    int exit = in.svarInt();
                    Duration took = duration(in);
                    String stderr = in.str();
                    String detail = in.str();
                    int parts = in.count();
                    List<RawPart> list = new ArrayList<>(parts);
                    for (int j = 0; j < parts; j++) {
                        list.add(new RawPart(in.str(), in.bytes()));
                    }
                    entries.add(new TickRecord.Raw(new RawOutput(id, outcome, list, stderr, exit, took, detail), every));
                    break;
                }
                case 2: {
                    SourceHealth health = enumOf(SourceHealth.class, in.str(), "health");
                    String detail = in.str();
                    Duration took = duration(in);
                    boolean optional = in.bool();
                    Reading reading = reading(in, version);
                    long rawBytes = in.var();
                    entries.add(new TickRecord.ParsedOnly(new SourceStatus(id, health, detail, took, every, optional),
                            reading, rawBytes));
                    break;
                }
                default:
                    throw new RecordingFormatException("source " + id + ": unknown entry kind " + kind);
            }
        }
        Snapshot snap = snapshot(in, at, mono, host, version);
        int v = in.count();
        List<TickRecord.VerdictMark> marks = new ArrayList<>(v);
        for (int i = 0; i < v; i++) {
            String kind = in.str();
            String severity = in.str();
            int port = in.svarInt();
            Verdict.Kind k = lenientEnum(Verdict.Kind.class, kind);
            if (k != null) {
                marks.add(new TickRecord.VerdictMark(k, enumOf(Verdict.Severity.class, severity, "severity"),
                        port < 0 ? OptionalInt.empty() : OptionalInt.of(port)));
            }
        }
        return new TickRecord(at, mono, entries, snap, marks);
    }

    static String capStderr(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (b.length <= RecordingFormat.STDERR_CAP) {
            return s;
        }
        // cut on a character boundary
        int end = RecordingFormat.STDERR_CAP;
        while (end > 0 && (b[end] & 0xc0) == 0x80) {
            end--;
        }
        return new String(b, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- model pieces

    private static void snapshot(Wire.Out w, Snapshot s) {
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

    private static Snapshot snapshot(Wire.In in, Instant at, long mono, HostInfo host, int version) {
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

    private static void instant(Wire.Out w, Instant t) {
        w.i64(t.getEpochSecond()).var(t.getNano());
    }

    private static void duration(Wire.Out w, Duration d) {
        w.svar(d.toNanos());
    }

    private static Duration duration(Wire.In in) {
        return Duration.ofNanos(in.svar());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name, String what) {
        E e = lenientEnum(type, name);
        if (e == null) {
            throw new RecordingFormatException("unknown " + what + " '" + name + "'");
        }
        return e;
    }

    private static <E extends Enum<E>> E lenientEnum(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
