package syntop.exporter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import syntop.collectors.detect.Verdict;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.TcpState;

/**
 * Every syntop metric except the poll-time histogram, built on each scrape from the latest
 * published snapshot (never by polling). One scrape reads one {@link JudgedTick}, so its metrics all
 * come from the same tick. No label ever carries a remote address; listeners are capped (see
 * {@link ListenerSeries}).
 */
public final class SyntopMetrics implements MultiCollector {
    public static final String PREFIX = "syntop_";
    public static final String CONNECTIONS = "syntop_tcp_connections";
    public static final String LISTENERS = "syntop_listeners";
    public static final String ACCEPT_QUEUE = "syntop_listener_accept_queue";
    public static final String SYN_QUEUE = "syntop_listener_syn_queue";
    public static final String QUEUE_LIMIT = "syntop_listener_queue_limit";
    public static final String SOURCE_UP = "syntop_source_up";
    public static final String VERDICT = "syntop_verdict_active";
    public static final String BUILD = "syntop_build";
    public static final String PLATFORM = "syntop_platform";
    public static final String LAST_SAMPLE = "syntop_last_sample_timestamp_seconds";
    public static final String INTERVAL = "syntop_sample_interval_seconds";
    public static final String SAMPLES = "syntop_samples";

    private final Supplier<Optional<JudgedTick>> latest;
    private final BuildInfo build;
    private final HostInfo host;
    private final double intervalSeconds;
    private final int maxListeners;
    /** The families built for the last published snapshot: Prometheus may scrape many times per sample. */
    private volatile Built built;

    private record Built(JudgedTick from, MetricSnapshots snapshots) {
    }

    /**
     * @param latest       the latest published snapshot, empty before the first sample
     * @param build        syntop's version and runtime
     * @param host         the machine sampled (its OS goes into {@code syntop_platform_info})
     * @param intervalSeconds the sampling interval
     * @param maxListeners listener series kept before the rest are summed into {@code address="other"}
     */
    public SyntopMetrics(Supplier<Optional<JudgedTick>> latest, BuildInfo build, HostInfo host, double intervalSeconds,
                         int maxListeners) {
        this.latest = latest;
        this.build = build;
        this.host = host;
        this.intervalSeconds = intervalSeconds;
        this.maxListeners = maxListeners;
    }

    /**
     * Every metric name that can appear in the exposition, with the suffixes Prometheus stores
     * ({@code _total}, {@code _info}, {@code _bucket}/{@code _sum}/{@code _count}); what the rules
     * and the dashboard may query.
     */
    public static java.util.SortedSet<String> expositionNames() {
        java.util.SortedSet<String> n = new java.util.TreeSet<>(List.of(CONNECTIONS, LISTENERS, ACCEPT_QUEUE, SYN_QUEUE,
                QUEUE_LIMIT, SOURCE_UP, VERDICT, BUILD + "_info", PLATFORM + "_info", LAST_SAMPLE, INTERVAL,
                SAMPLES + "_total"));
        for (CounterId id : CounterId.values()) {
            n.add(name(id) + (id.kind() == CounterId.Kind.COUNTER ? "_total" : ""));
        }
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            n.add(ExporterState.POLL_DURATION + suffix);
        }
        return n;
    }

    /** The Prometheus name of a normalised counter or gauge: {@code syntop_syncookies_sent} (counters get {@code _total} on exposition). */
    public static String name(CounterId id) {
        return PREFIX + id.label();
    }

    /** The metrics of the latest snapshot; built once per published snapshot, then reused until the next. */
    @Override
    public MetricSnapshots collect() {
        Optional<JudgedTick> p = latest.get();
        Built b = built;
        if (b != null && p.isPresent() && b.from() == p.get()) {
            return b.snapshots();
        }
        MetricSnapshots s = build(p);
        if (p.isPresent()) {
            built = new Built(p.get(), s);
        }
        return s;
    }

    private MetricSnapshots build(Optional<JudgedTick> p) {
        List<MetricSnapshot> out = new ArrayList<>();
        out.add(InfoSnapshot.builder().name(BUILD).help("syntop's version and the Java runtime it runs on")
                .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder()
                        .labels(Labels.of("version", build.version(), "java_version", build.javaVersion())).build())
                .build());
        out.add(InfoSnapshot.builder().name(PLATFORM).help("The machine syntop samples: host name, OS family and version")
                .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder()
                        .labels(Labels.of("hostname", host.hostname(), "os", host.os().token(), "os_version", host.osVersion()))
                        .build())
                .build());
        out.add(gauge(INTERVAL, "How often syntop samples the TCP stack", Unit.SECONDS,
                List.of(point(Labels.EMPTY, intervalSeconds))));
        out.add(CounterSnapshot.builder().name(SAMPLES).help("Samples of the TCP stack taken since syntop serve started")
                .dataPoint(CounterDataPointSnapshot.builder().value(p.map(JudgedTick::sample).orElse(0L)).build())
                .build());
        if (p.isEmpty()) {
            return new MetricSnapshots(out);
        }
        Snapshot s = p.get().snapshot();
        out.add(gauge(LAST_SAMPLE, "When the snapshot these metrics come from was taken (Unix time)", Unit.SECONDS,
                List.of(point(Labels.EMPTY, s.at().toEpochMilli() / 1000.0))));
        states(s, out);
        listeners(s, out);
        counters(s, out);
        sources(s, out);
        verdicts(p.get().verdicts(), out);
        return new MetricSnapshots(out);
    }

    private static void states(Snapshot s, List<MetricSnapshot> out) {
        if (s.states().isEmpty()) {
            return;
        }
        List<GaugeDataPointSnapshot> points = new ArrayList<>();
        for (TcpState st : TcpState.values()) {
            points.add(point(Labels.of("state", st.label()), s.states().get(st)));
        }
        out.add(gauge(CONNECTIONS, "TCP connections in each state (RFC 793 names in lower case: syn_rcvd, time_wait, ...)",
                null, points));
    }

    private void listeners(Snapshot s, List<MetricSnapshot> out) {
        out.add(gauge(LISTENERS, "Listening TCP sockets, including those summed into the address=\"other\" series",
                null, List.of(point(Labels.EMPTY, s.listeners().size()))));
        List<ListenerSeries.Row> rows = ListenerSeries.of(s.listeners(), maxListeners);
        List<GaugeDataPointSnapshot> accept = new ArrayList<>();
        List<GaugeDataPointSnapshot> syn = new ArrayList<>();
        List<GaugeDataPointSnapshot> limit = new ArrayList<>();
        for (ListenerSeries.Row r : rows) {
            Labels l = Labels.of("address", r.address(), "port", r.port());
            accept.add(point(l, r.acceptQueue()));
            r.synQueue().ifPresent(v -> syn.add(point(l, v)));
            r.limit().ifPresent(v -> limit.add(point(l, v)));
        }
        if (!accept.isEmpty()) {
            out.add(gauge(ACCEPT_QUEUE, "Completed connections waiting for accept() on a listening socket "
                    + "(Linux Recv-Q, BSD qlen)", null, accept));
        }
        if (!syn.isEmpty()) {
            out.add(gauge(SYN_QUEUE, "Half-open connections of a listening socket (Linux: SYN_RECV sockets on its port, "
                    + "BSD incqlen)", null, syn));
        }
        if (!limit.isEmpty()) {
            out.add(gauge(QUEUE_LIMIT, "Accept queue limit (backlog) of a listening socket (Linux Send-Q, BSD maxqlen)",
                    null, limit));
        }
    }

    private static void counters(Snapshot s, List<MetricSnapshot> out) {
        for (CounterId id : CounterId.values()) {
            if (!s.counters().has(id)) {
                continue;
            }
            double v = s.counters().get(id).getAsLong();
            String help = id.description();
            if (id.kind() == CounterId.Kind.COUNTER) {
                out.add(CounterSnapshot.builder().name(name(id)).help(help)
                        .dataPoint(CounterDataPointSnapshot.builder().value(v).build()).build());
            } else {
                out.add(gauge(name(id), help, null, List.of(point(Labels.EMPTY, v))));
            }
        }
    }

    private static void sources(Snapshot s, List<MetricSnapshot> out) {
        List<GaugeDataPointSnapshot> points = new ArrayList<>();
        for (SourceStatus st : s.sources().values()) {
            boolean up = st.health() == SourceHealth.OK || st.health() == SourceHealth.STALE;
            points.add(point(Labels.of("source", st.id(), "reason", st.health().label(),
                    "optional", Boolean.toString(st.optional())), up ? 1 : 0));
        }
        if (!points.isEmpty()) {
            out.add(gauge(SOURCE_UP, "1 when the source was read this sample (ok, or its last reading reused: stale), "
                    + "0 when not; reason is one of ok, stale, needs_root, unavailable, timeout, unparsed", null, points));
        }
    }

    private static void verdicts(List<Verdict> verdicts, List<MetricSnapshot> out) {
        Map<Labels, GaugeDataPointSnapshot> points = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            Labels l = Labels.of("kind", v.kind().label(),
                    "port", v.port().isPresent() ? Integer.toString(v.port().getAsInt()) : "",
                    "severity", v.severity().name().toLowerCase(java.util.Locale.ROOT));
            points.putIfAbsent(l, point(l, 1));
        }
        out.add(gauge(VERDICT, "1 for each situation syntop's detectors see now (kind, port, severity), "
                + "as the console's verdict lines", null, new ArrayList<>(points.values())));
    }

    private static GaugeSnapshot gauge(String name, String help, Unit unit, List<GaugeDataPointSnapshot> points) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        if (unit != null) {
            b.unit(unit);
        }
        for (GaugeDataPointSnapshot p : points) {
            b.dataPoint(p);
        }
        return b.build();
    }

    private static GaugeDataPointSnapshot point(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
