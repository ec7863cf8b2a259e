package syntop.exporter;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.Judge;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.Counters;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.model.StateCounts;
import syntop.collectors.model.TcpState;

/**
 * Scrape latency of {@code syntop serve} with many listeners: a snapshot with N listening sockets
 * (default 1,000), then S scrapes (default 10,000) over one keep-alive HTTP connection, as
 * Prometheus does. Prints the latency percentiles, the bytes of one scrape and the heap allocated
 * per scrape, for the default cap of 100 listener series and with every listener exported.
 * Run with {@code bench/serve-scrape.sh [LISTENERS] [SCRAPES]}.
 */
public final class ScrapeBench {
    private ScrapeBench() {
    }

    public static void main(String[] args) throws Exception {
        int listeners = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int scrapes = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        System.out.printf(Locale.ROOT, "syntop serve scrape bench: %d listeners, %d scrapes per run, Java %s, %d CPUs%n",
                listeners, scrapes, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        for (int cap : new int[] {Serve.DEFAULT_MAX_LISTENERS, listeners}) {
            run(listeners, scrapes, cap);
        }
    }

    static Snapshot snapshot(int listeners) {
        List<ListenQueue> qs = new ArrayList<>();
        for (int i = 0; i < listeners; i++) {
            qs.add(new ListenQueue("tcp4", "10.0." + (i / 250) + "." + (i % 250 + 1), 10_000 + i, i % 13,
                    OptionalLong.of(i % 29), OptionalLong.of(128)));
        }
        Counters.Builder c = Counters.builder();
        for (CounterId id : CounterId.values()) {
            c.put(id, 1_000_000L + id.ordinal());
        }
        Map<TcpState, Long> states = new java.util.EnumMap<>(TcpState.class);
        for (TcpState s : TcpState.values()) {
            states.put(s, 100L * (s.ordinal() + 1));
        }
        Map<String, SourceStatus> sources = new java.util.LinkedHashMap<>();
        for (String id : List.of("ss-ltn", "proc-net-tcp", "proc-net-snmp", "proc-net-netstat", "proc-net-sockstat",
                "proc-sys-net")) {
            sources.put(id, new SourceStatus(id, SourceHealth.OK, "", Duration.ofMillis(2), Duration.ofSeconds(1), false));
        }
        Map<TcpState, List<AddressCount>> remotes = Map.of();
        return new Snapshot(Instant.now(), System.nanoTime(), new HostInfo("bench", OsFamily.LINUX, "Linux"), sources,
                StateCounts.of(states), c.build(), qs, remotes, Map.of());
    }

    private static void run(int listeners, int scrapes, int cap) throws Exception {
        ExporterState state = new ExporterState(FixtureSnapshots.BUILD, new HostInfo("bench", OsFamily.LINUX, "Linux"),
                1, cap);
        state.publish(new Judge(Thresholds.defaults()).add(snapshot(listeners)));
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // in-process: collect and write, no HTTP
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 20);
        PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        for (int i = 0; i < 500; i++) { // warm-up
            buf.reset();
            writer.write(buf, state.registry().scrape(), EscapingScheme.ALLOW_UTF8);
        }
        long a0 = threads.getCurrentThreadAllocatedBytes();
        long[] inProc = new long[scrapes];
        for (int i = 0; i < scrapes; i++) {
            long t = System.nanoTime();
            buf.reset();
            writer.write(buf, state.registry().scrape(), EscapingScheme.ALLOW_UTF8);
            inProc[i] = System.nanoTime() - t;
        }
        long allocPerScrape = (threads.getCurrentThreadAllocatedBytes() - a0) / scrapes;
        int bytes = buf.size();
        // the first scrape after each sample builds the families (later ones reuse them): publish each time
        Judge judge = new Judge(Thresholds.defaults());
        Snapshot snap = snapshot(listeners);
        int samples = Math.max(1, scrapes / 5);
        long[] fresh = new long[samples];
        long a1 = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < samples; i++) {
            state.publish(judge.add(snap));
            long t = System.nanoTime();
            buf.reset();
            writer.write(buf, state.registry().scrape(), EscapingScheme.ALLOW_UTF8);
            fresh[i] = System.nanoTime() - t;
        }
        long allocFresh = (threads.getCurrentThreadAllocatedBytes() - a1) / samples;
        // over HTTP, one keep-alive connection
        try (ExporterServer server = ExporterServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                state.registry(), WebConfig.NONE)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest req = HttpRequest.newBuilder(URI.create(server.metricsUrl())).build();
            for (int i = 0; i < 500; i++) {
                client.send(req, HttpResponse.BodyHandlers.discarding());
            }
            long[] http = new long[scrapes];
            long t0 = System.nanoTime();
            for (int i = 0; i < scrapes; i++) {
                long t = System.nanoTime();
                HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("scrape " + i + ": HTTP " + r.statusCode());
                }
                http[i] = System.nanoTime() - t;
            }
            double total = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "cap %5d: %6d bytes/scrape, %6.1f KiB allocated/scrape (collect+write)%n",
                    cap, bytes, allocPerScrape / 1024.0);
            System.out.printf(Locale.ROOT, "  collect+write: %s%n", percentiles(inProc));
            System.out.printf(Locale.ROOT, "  first scrape after a new sample (builds the families, %d samples): %s, "
                    + "%.1f KiB allocated%n", samples, percentiles(fresh), allocFresh / 1024.0);
            System.out.printf(Locale.ROOT, "  HTTP GET     : %s, %.0f scrapes/s%n", percentiles(http), scrapes / total);
        }
    }

    private static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms", s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.9)] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
    }
}
