package syntop.exporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import syntop.collectors.Fixtures;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.Judge;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.judge.Pipeline;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.os.Platforms;
import syntop.collectors.os.freebsd.FreeBsdPlatform;
import syntop.collectors.os.linux.LinuxPlatform;
import syntop.collectors.os.macos.MacOsPlatform;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.SourceEvaluation;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.Source;

/**
 * Snapshots built from the captured outputs under collectors' fixtures, evaluated by each platform's
 * own sources and assembled and judged by the pipeline, as {@code serve} does. FreeBSD and macOS
 * combine captures of several machines (one per source), which is fine for exposition.
 */
final class FixtureSnapshots {
    static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    static final BuildInfo BUILD = new BuildInfo("0.1.0-test", "17");
    private static final Duration EVERY = Duration.ofSeconds(1);

    private FixtureSnapshots() {
    }

    /** The capture judged at the end of six samples leading to it (counters rising linearly to it). */
    static JudgedTick capture(OsFamily os) {
        Snapshot last = snapshot(os, 5);
        Judge judge = new Judge(Thresholds.defaults());
        JudgedTick tick = null;
        for (int k = 0; k <= 5; k++) {
            tick = judge.add(k == 5 ? last : scaled(last, k / 5.0, k));
        }
        return tick;
    }

    static ExporterState state(OsFamily os, int maxListeners) {
        JudgedTick c = capture(os);
        ExporterState s = new ExporterState(BUILD, c.snapshot().host(), 1.0, maxListeners);
        s.publish(c);
        return s;
    }

    static Snapshot snapshot(OsFamily os, int second) {
        return switch (os) {
            case LINUX -> linux(second);
            case FREEBSD -> freebsd(second);
            case MACOS -> macos(second);
        };
    }

    private static Snapshot linux(int second) {
        String lab = "linux/6.18-lab-synflood";
        Platform p = Platforms.offline(OsFamily.LINUX, new HostInfo("syntop-srv", OsFamily.LINUX, "Linux 6.18.44"));
        List<SourceResult> r = new ArrayList<>();
        r.add(ok(p, LinuxPlatform.SS_LISTEN, 2_100, file(lab, "cmd/ss-ltn.txt")));
        r.add(ok(p, LinuxPlatform.TCP_TABLE, 640, file(lab, "proc/net/tcp"), file(lab, "proc/net/tcp6")));
        r.add(ok(p, LinuxPlatform.SNMP, 45, file(lab, "proc/net/snmp")));
        r.add(ok(p, LinuxPlatform.NETSTAT, 60, file(lab, "proc/net/netstat")));
        r.add(ok(p, LinuxPlatform.SOCKSTAT, 30, file(lab, "proc/net/sockstat")));
        r.add(ok(p, LinuxPlatform.SYNPROXY, 25, file(lab, "proc/net/stat/synproxy")));
        r.add(ok(p, LinuxPlatform.SYSCTL, 80, file(lab, "proc/sys/net/ipv4/tcp_syncookies"),
                file(lab, "proc/sys/net/ipv4/tcp_max_syn_backlog"), file(lab, "proc/sys/net/ipv4/ip_local_port_range"),
                file(lab, "proc/sys/net/core/somaxconn")));
        return judged(p, second, r);
    }

    private static Snapshot freebsd(int second) {
        Platform p = Platforms.offline(OsFamily.FREEBSD, new HostInfo("bsd1", OsFamily.FREEBSD, "FreeBSD 14.1-RELEASE"));
        List<SourceResult> r = new ArrayList<>();
        r.add(ok(p, FreeBsdPlatform.STATS, 4_200, file("freebsd/synthetic-netstat-s-14", "cmd/netstat-s-p-tcp.txt")));
        r.add(ok(p, FreeBsdPlatform.LISTEN, 3_300, file("freebsd/synthetic-netstat-Lan-14", "cmd/netstat-Lan.txt")));
        r.add(ok(p, FreeBsdPlatform.CONNECTIONS, 9_800,
                file("freebsd/synthetic-netstat-an-synrcvd", "cmd/netstat-an-p-tcp.txt")));
        r.add(ok(p, FreeBsdPlatform.PF_INFO, 2_900, file("freebsd/synthetic-pfctl-vsi-14", "cmd/pfctl-vsi.txt")));
        r.add(ok(p, FreeBsdPlatform.PF_MEMORY, 2_700, file("freebsd/synthetic-pfctl-sm", "cmd/pfctl-sm.txt")));
        r.add(ok(p, FreeBsdPlatform.TUNABLES_ID, 3_100, file("freebsd/12.1-jc", "cmd/sysctl-net.inet.tcp.txt")));
        return judged(p, second, r);
    }

    private static Snapshot macos(int second) {
        Platform p = Platforms.offline(OsFamily.MACOS, new HostInfo("mac1", OsFamily.MACOS, "Darwin 23.6.0"));
        List<SourceResult> r = new ArrayList<>();
        r.add(ok(p, MacOsPlatform.STATS, 5_100, file("macos/synthetic-netstat-s-726", "cmd/netstat-s-p-tcp.txt")));
        r.add(ok(p, MacOsPlatform.LISTEN, 4_400, file("macos/synthetic-netstat-aLn-730", "cmd/netstat-aLn.txt")));
        r.add(ok(p, MacOsPlatform.CONNECTIONS, 12_000,
                file("macos/synthetic-netstat-an-synrcvd", "cmd/netstat-an-p-tcp.txt")));
        // pfctl is root-only on macOS: what a non-root exporter sees
        r.add(denied(p, MacOsPlatform.PF_INFO, 3_000));
        r.add(denied(p, MacOsPlatform.PF_MEMORY, 2_900));
        r.add(ok(p, MacOsPlatform.TUNABLES_ID, 3_600, file("macos/10.14.6-jc", "cmd/sysctl-net.inet.tcp.txt")));
        return judged(p, second, r);
    }

    /** One tick of these results through the pipeline: every source polled at the interval. */
    private static Snapshot judged(Platform p, int second, List<SourceResult> results) {
        Map<String, Duration> every = new HashMap<>();
        p.sources().forEach(s -> every.put(s.id(), EVERY));
        return new Pipeline(p, Thresholds.defaults()).tick(AT.plusSeconds(second), second * 1_000_000_000L, results, every)
                .snapshot();
    }

    /** The snapshot with counters at {@code fraction} of their values: the same host earlier. */
    static Snapshot scaled(Snapshot s, double fraction, int second) {
        Counters.Builder b = Counters.builder();
        for (Map.Entry<CounterId, Long> e : s.counters().normalised().entrySet()) {
            b.put(e.getKey(), e.getKey().kind() == CounterId.Kind.GAUGE ? e.getValue()
                    : Math.round(e.getValue() * fraction));
        }
        return new Snapshot(AT.plusSeconds(second), second * 1_000_000_000L, s.host(), s.sources(), s.states(),
                b.build(), s.listeners(), s.remotes(), s.tunables());
    }

    private static RawPart file(String capture, String relative) {
        try {
            return new RawPart("/" + relative, Files.readAllBytes(Fixtures.onClassPath(capture).resolve(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SourceResult ok(Platform p, String id, long tookMicros, RawPart... parts) {
        Source src = p.source(id).orElseThrow(() -> new IllegalArgumentException("no source " + id));
        RawOutput raw = new RawOutput(id, RawOutput.Outcome.COMPLETED, List.of(parts), "", 0,
                Duration.ofNanos(tookMicros * 1000), "");
        SourceResult r = SourceEvaluation.evaluate(src, raw, EVERY);
        if (!r.status().isOk()) {
            throw new IllegalStateException(id + ": " + r.status().detail());
        }
        return r;
    }

    private static SourceResult denied(Platform p, String id, long tookMicros) {
        Source src = p.source(id).orElseThrow(() -> new IllegalArgumentException("no source " + id));
        return SourceEvaluation.evaluate(src, RawOutput.failed(id, RawOutput.Outcome.PERMISSION_DENIED,
                Duration.ofNanos(tookMicros * 1000), "pfctl: Permission denied (needs root)"), EVERY);
    }
}
