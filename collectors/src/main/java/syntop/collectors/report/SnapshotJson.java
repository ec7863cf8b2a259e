package syntop.collectors.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import syntop.collectors.detect.Judgement;
import syntop.collectors.detect.PortBudget;
import syntop.collectors.detect.Verdict;
import syntop.collectors.history.History;
import syntop.collectors.history.Rate;
import syntop.collectors.json.JsonWriter;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.KernelEvent;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.ProcessOwner;
import syntop.collectors.model.SocketOwner;
import syntop.collectors.model.Reading;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;
import syntop.collectors.parse.Parsed;

/** The JSON shapes of {@code syntop once --format json} and {@code syntop parse}, documented in README. */
public final class SnapshotJson {
    public static final int SCHEMA_VERSION = 1;

    private SnapshotJson() {
    }

    /** A judged tick, pretty-printed: the snapshot, rates from its history, the verdicts and the judgement. */
    public static String snapshot(JudgedTick tick) {
        return snapshot(tick, true);
    }

    /** A judged tick; not pretty, it is one line (JSON Lines, for a stream of snapshots). */
    public static String snapshot(JudgedTick tick, boolean pretty) {
        Snapshot s = tick.snapshot();
        Optional<History> history = Optional.of(tick.history());
        JsonWriter w = new JsonWriter(pretty);
        w.beginObject();
        w.field("schema", SCHEMA_VERSION);
        w.field("at", s.at().toString());
        w.name("host").beginObject()
                .field("hostname", s.host().hostname())
                .field("os", s.host().os().token())
                .field("os_version", s.host().osVersion())
                .endObject();
        w.name("sources").beginArray();
        for (SourceStatus st : s.sources().values()) {
            w.beginObject()
                    .field("id", st.id())
                    .field("health", st.health().label())
                    .field("detail", st.detail())
                    .field("took_ms", st.took().toNanos() / 1e6)
                    .field("every_s", st.every().toMillis() / 1000.0)
                    .endObject();
        }
        w.endArray();
        states(w, s.states(), history);
        listeners(w, s.listeners());
        w.name("counters").beginObject();
        for (Map.Entry<CounterId, Long> e : s.counters().normalised().entrySet()) {
            w.name(e.getKey().label()).beginObject();
            w.field("value", e.getValue());
            w.field("kind", e.getKey().kind().name().toLowerCase(java.util.Locale.ROOT));
            if (history.isPresent()) {
                Rate r = history.get().rate(e.getKey());
                w.field("per_second", r.perSecond());
                w.field("rate_status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            }
            w.endObject();
        }
        w.endObject();
        rawCounters(w, s.counters().raw());
        remotes(w, s.remotes());
        tunables(w, s.tunables());
        Judgement j = tick.judgement();
        w.name("judgement").beginObject()
                .field("complete", j.complete())
                .field("samples", j.samples())
                .field("window", j.window());
        w.name("signs").beginArray();
        j.signs().forEach(w::value);
        w.endArray().endObject();
        kernelEvents(w, s.kernelEvents(), Optional.of(s.at()));
        PortBudget.of(tick.history()).ifPresent(b -> portBudget(w, b));
        w.name("verdicts").beginArray();
        for (Verdict v : tick.verdicts()) {
            w.beginObject()
                    .field("kind", v.kind().label())
                    .field("severity", v.severity().name().toLowerCase(java.util.Locale.ROOT));
            orNull(w, "port", v.port());
            w.field("summary", v.summary()).field("evidence", v.evidence()).endObject();
        }
        w.endArray();
        w.endObject();
        return w.toString() + "\n";
    }

    /** The outbound port budget: range, TIME_WAIT seconds, sustainable rate per destination, the rate now, top destinations. */
    private static void portBudget(JsonWriter w, PortBudget b) {
        w.name("port_budget").beginObject();
        w.name("range").beginObject().field("first", b.first()).field("last", b.last()).field("ports", b.ports())
                .field("assumed", b.rangeAssumed()).endObject();
        w.field("time_wait_seconds", b.timeWaitSeconds());
        w.field("time_wait_from", b.timeWaitWhy());
        w.field("per_destination_per_second", b.perDestination());
        orNull(w, "active_opens_per_second", b.activeOpens());
        orNull(w, "time_wait", b.timeWait());
        w.name("top_destinations").beginArray();
        for (AddressCount a : b.top()) {
            w.beginObject().field("address", a.address()).field("time_wait", a.count()).endObject();
        }
        w.endArray();
        w.endObject();
    }

    /** What one parser made of saved text: {@code syntop parse}. */
    public static String parsed(String platform, String source, Parsed<Reading> p) {
        JsonWriter w = new JsonWriter(true);
        Reading r = p.value();
        w.beginObject();
        w.field("schema", SCHEMA_VERSION);
        w.field("platform", platform);
        w.field("source", source);
        w.field("lines_understood", p.understood());
        w.name("unparsed").beginArray();
        p.unparsed().forEach(w::value);
        w.endArray();
        w.name("notes").beginArray();
        p.notes().forEach(w::value);
        w.endArray();
        if (p.needsRoot().isPresent()) {
            w.field("needs_root", p.needsRoot().get());
        }
        if (!r.states().isEmpty()) {
            states(w, r.states(), Optional.empty());
        }
        if (!r.listeners().isEmpty()) {
            listeners(w, r.listeners());
        }
        if (!r.counters().normalised().isEmpty()) {
            w.name("counters").beginObject();
            r.counters().normalised().forEach((k, v) -> w.field(k.label(), v));
            w.endObject();
        }
        if (!r.counters().raw().isEmpty()) {
            rawCounters(w, r.counters().raw());
        }
        if (!r.remotes().isEmpty()) {
            remotes(w, r.remotes());
        }
        if (!r.synRecvByPort().isEmpty()) {
            w.name("syn_rcvd_by_port").beginObject();
            r.synRecvByPort().forEach((port, n) -> w.field(String.valueOf(port), n));
            w.endObject();
        }
        if (!r.tunables().isEmpty()) {
            tunables(w, r.tunables());
        }
        if (!r.kernelEvents().isEmpty()) {
            kernelEvents(w, r.kernelEvents(), Optional.empty());
        }
        if (r.owners().isPresent()) {
            w.name("owners").beginObject();
            w.name("named").beginArray();
            for (SocketOwner o : r.owners().get().named()) {
                w.beginObject().field("protocol", o.protocol()).field("address", o.localAddress())
                        .field("port", o.port());
                process(w, o.process());
                w.endObject();
            }
            w.endArray();
            w.field("unnamed", r.owners().get().unnamed());
            w.endObject();
        }
        w.endObject();
        return w.toString() + "\n";
    }

    private static void states(JsonWriter w, StateCounts states, Optional<History> history) {
        w.name("states").beginObject();
        for (TcpState st : TcpState.values()) {
            w.field(st.label(), states.get(st));
        }
        w.endObject();
        if (history.isPresent()) {
            w.name("states_per_second").beginObject();
            for (TcpState st : TcpState.values()) {
                orNull(w, st.label(), history.get().stateChangePerSecond(st));
            }
            w.endObject();
        }
    }

    private static void listeners(JsonWriter w, List<ListenQueue> listeners) {
        w.name("listeners").beginArray();
        for (ListenQueue q : listeners) {
            w.beginObject()
                    .field("protocol", q.protocol())
                    .field("address", q.localAddress())
                    .field("port", q.port())
                    .field("accept_queue", q.acceptQueue());
            orNull(w, "syn_queue", q.synQueue());
            orNull(w, "limit", q.limit());
            // absent where no source names owners {"unknown": why} where the source could not see it
            if (q.process().isPresent()) {
                process(w, q.process().get());
            }
            w.endObject();
        }
        w.endArray();
    }

    /** {@code "process": {"pid", "name", "user"}}, or {@code {"unknown": why}}. */
    private static void process(JsonWriter w, ProcessOwner p) {
        w.name("process").beginObject();
        if (p.known()) {
            w.field("pid", p.pid().getAsLong()).field("name", p.name());
            // null with the reason where the user could not be read: never a guess
            w.name("user");
            if (p.userKnown()) {
                w.value(p.user());
            } else {
                w.nullValue();
                w.field("user_unknown", p.userUnknown());
            }
        } else {
            w.field("unknown", p.unknown());
        }
        w.endObject();
    }

    private static void rawCounters(JsonWriter w, Map<String, Long> raw) {
        w.name("raw_counters").beginObject();
        raw.forEach(w::field);
        w.endObject();
    }

    private static void remotes(JsonWriter w, Map<TcpState, List<AddressCount>> remotes) {
        w.name("remotes").beginObject();
        remotes.forEach((state, list) -> {
            w.name(state.label()).beginArray();
            for (AddressCount a : list) {
                w.beginObject().field("address", a.address()).field("count", a.count()).endObject();
            }
            w.endArray();
        });
        w.endObject();
    }

    /** The kernel's events; with {@code now}, each says how long ago it was logged. */
    private static void kernelEvents(JsonWriter w, List<KernelEvent> events, Optional<Instant> now) {
        w.name("kernel_events").beginArray();
        for (KernelEvent e : events) {
            w.beginObject();
            orNull(w, "at", e.at().map(Instant::toString));
            w.field("timing", e.timing().label());
            if (now.isPresent()) {
                orNull(w, "age_s", e.at().map(at -> java.time.Duration.between(at, now.get()).toMillis() / 1000.0));
            }
            orNull(w, "since_boot_s", e.sinceBoot().map(d -> d.toNanos() / 1e9));
            w.field("kind", e.kind().label());
            orNull(w, "address", e.address());
            orNull(w, "port", e.port());
            orNull(w, "count", e.count());
            w.field("before_start", e.beforeStart());
            w.field("summary", e.summary()).field("text", e.text());
            w.endObject();
        }
        w.endArray();
    }

    /** {@code "name": v} (a text, a whole number or a double), or {@code null} where {@code v} is not known. */
    private static void orNull(JsonWriter w, String name, Optional<?> v) {
        w.name(name);
        if (v.isEmpty()) {
            w.nullValue();
        } else if (v.get() instanceof String text) {
            w.value(text);
        } else if (v.get() instanceof Double d) {
            w.value(d.doubleValue());
        } else {
            w.value(((Number) v.get()).longValue());
        }
    }

    private static void orNull(JsonWriter w, String name, OptionalLong v) {
        orNull(w, name, v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty());
    }

    private static void orNull(JsonWriter w, String name, OptionalInt v) {
        orNull(w, name, v.isPresent() ? Optional.of(v.getAsInt()) : Optional.empty());
    }

    private static void orNull(JsonWriter w, String name, OptionalDouble v) {
        orNull(w, name, v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty());
    }

    private static void tunables(JsonWriter w, Map<String, String> tunables) {
        w.name("tunables").beginObject();
        tunables.forEach(w::field);
        w.endObject();
    }
}
