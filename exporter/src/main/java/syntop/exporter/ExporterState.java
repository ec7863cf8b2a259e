package syntop.exporter;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;

/**
 * The exporter's registry and the one value the sampling loop hands to scrapes: the latest
 * {@link JudgedTick}. The loop calls {@link #publish}; a scrape only reads.
 */
public final class ExporterState {
    public static final String POLL_DURATION = "syntop_source_poll_duration_seconds";
    /** Poll-time buckets: file reads take microseconds, commands milliseconds, a table under attack up to seconds. */
    static final double[] POLL_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final AtomicReference<JudgedTick> latest = new AtomicReference<>();
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Histogram pollDuration;

    public ExporterState(BuildInfo build, HostInfo host, double intervalSeconds, int maxListeners) {
        registry.register(new SyntopMetrics(this::latest, build, host, intervalSeconds, maxListeners));
        pollDuration = Histogram.builder().name(POLL_DURATION)
                .help("How long reading each source took (sources reused while backed off are not counted)")
                .unit(Unit.SECONDS).labelNames("source").classicOnly().classicUpperBounds(POLL_BUCKETS)
                .withoutExemplars().register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public Optional<JudgedTick> latest() {
        return Optional.ofNullable(latest.get());
    }

    /** Makes this tick the one scrapes see, and records the poll time of every source polled for it. */
    public synchronized void publish(JudgedTick tick) {
        for (SourceStatus st : tick.snapshot().sources().values()) {
            if (st.health() != SourceHealth.STALE) {
                pollDuration.labelValues(st.id()).observe(st.took().toNanos() / 1e9);
            }
        }
        latest.set(tick);
    }
}
