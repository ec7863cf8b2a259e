package syntop.exporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import syntop.collectors.detect.Detectors;
import syntop.collectors.detect.Verdict;
import syntop.collectors.history.History;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Reading;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.os.freebsd.FreeBsdPlatform;
import syntop.collectors.os.linux.LinuxPlatform;
import syntop.collectors.os.macos.MacOsPlatform;
import syntop.collectors.parse.Parsed;
import syntop.collectors.platform.Platform;
import syntop.collectors.platform.Platforms;
import syntop.collectors.platform.SnapshotAssembler;
import syntop.collectors.platform.SnapshotAssembler.Contribution;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.Source;
import syntop.collectors.source.SourceText;

/**
 * Snapshots built from the captured outputs under collectors' fixtures, parsed by each platform's
 * own parsers and assembled the way the sampler does. FreeBSD and macOS combine captures of
 * several machines (one per source), which is fine for exposition.
 */
final class FixtureSnapshots {
    static final Path ROOT = Path.of("../collectors/src/test/resources/fixtures");
    static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    static final BuildInfo BUILD = new BuildInfo("0.1.0-test", "17");

    private FixtureSnapshots() {
    }

    /** The history of six samples leading to the capture (counters rising linearly to it) and its verdicts. */
    record Capture(Snapshot snapshot, List<Verdict> verdicts) {
    }

    static Capture capture(OsFamily os) {
        Snapshot last = snapshot(os, 5);
        History h = new History();
        for (int k = 0; k <= 5; k++) {
            h.add(k == 5 ? last : scaled(last, k / 5.0, k));
        }
        return new Capture(last, Detectors.evaluate(h));
    }

    static ExporterState state(OsFamily os, int maxListeners) {
        Capture c = capture(os);
        ExporterState s = new ExporterState(BUILD, c.snapshot().host(), 1.0, maxListeners);
        s.publish(c.snapshot(), c.verdicts());
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
        List<Contribution> c = new ArrayList<>();
        c.add(ok(p, LinuxPlatform.SS_LISTEN, 2_100, file(lab, "cmd/ss-ltn.txt")));
        c.add(ok(p, LinuxPlatform.TCP_TABLE, 640, file(lab, "proc/net/tcp"), file(lab, "proc/net/tcp6")));
        c.add(ok(p, LinuxPlatform.SNMP, 45, file(lab, "proc/net/snmp")));
        c.add(ok(p, LinuxPlatform.NETSTAT, 60, file(lab, "proc/net/netstat")));
        c.add(ok(p, LinuxPlatform.SOCKSTAT, 30, file(lab, "proc/net/sockstat")));
        c.add(ok(p, LinuxPlatform.SYNPROXY, 25, file(lab, "proc/net/stat/synproxy")));
        c.add(ok(p, LinuxPlatform.SYSCTL, 80, file(lab, "proc/sys/net/ipv4/tcp_syncookies"),
                file(lab, "proc/sys/net/ipv4/tcp_max_syn_backlog"), file(lab, "proc/sys/net/ipv4/ip_local_port_range"),
                file(lab, "proc/sys/net/core/somaxconn")));
        return SnapshotAssembler.assemble(AT.plusSeconds(second), second * 1_000_000_000L, p.host(), c);
    }

    private static Snapshot freebsd(int second) {
        Platform p = Platforms.offline(OsFamily.FREEBSD, new HostInfo("bsd1", OsFamily.FREEBSD, "FreeBSD 14.1-RELEASE"));
        List<Contribution> c = new ArrayList<>();
        c.add(ok(p, FreeBsdPlatform.STATS, 4_200, file("freebsd/synthetic-netstat-s-14", "cmd/netstat-s-p-tcp.txt")));
        c.add(ok(p, FreeBsdPlatform.LISTEN, 3_300, file("freebsd/synthetic-netstat-Lan-14", "cmd/netstat-Lan.txt")));
        c.add(ok(p, FreeBsdPlatform.CONNECTIONS, 9_800,
                file("freebsd/synthetic-netstat-an-synrcvd", "cmd/netstat-an-p-tcp.txt")));
        c.add(ok(p, FreeBsdPlatform.PF_INFO, 2_900, file("freebsd/synthetic-pfctl-vsi-14", "cmd/pfctl-vsi.txt")));
        c.add(ok(p, FreeBsdPlatform.PF_MEMORY, 2_700, file("freebsd/synthetic-pfctl-sm", "cmd/pfctl-sm.txt")));
        c.add(ok(p, FreeBsdPlatform.TUNABLES_ID, 3_100, file("freebsd/12.1-jc", "cmd/sysctl-net.inet.tcp.txt")));
        return SnapshotAssembler.assemble(AT.plusSeconds(second), second * 1_000_000_000L, p.host(), c);
    }

    private static Snapshot macos(int second) {
        Platform p = Platforms.offline(OsFamily.MACOS, new HostInfo("mac1", OsFamily.MACOS, "Darwin 23.6.0"));
        List<Contribution> c = new ArrayList<>();
        c.add(ok(p, MacOsPlatform.STATS, 5_100, file("macos/synthetic-netstat-s-726", "cmd/netstat-s-p-tcp.txt")));
        c.add(ok(p, MacOsPlatform.LISTEN, 4_400, file("macos/synthetic-netstat-aLn-730", "cmd/netstat-aLn.txt")));
        c.add(ok(p, MacOsPlatform.CONNECTIONS, 12_000,
                file("macos/synthetic-netstat-an-synrcvd", "cmd/netstat-an-p-tcp.txt")));
        // pfctl is root-only on macOS: what a non-root exporter sees
        c.add(failed(MacOsPlatform.PF_INFO, SourceHealth.NEEDS_ROOT, "pfctl: Permission denied (needs root)", 3_000));
        c.add(failed(MacOsPlatform.PF_MEMORY, SourceHealth.NEEDS_ROOT, "pfctl: Permission denied (needs root)", 2_900));
        c.add(ok(p, MacOsPlatform.TUNABLES_ID, 3_600, file("macos/10.14.6-jc", "cmd/sysctl-net.inet.tcp.txt")));
        return SnapshotAssembler.assemble(AT.plusSeconds(second), second * 1_000_000_000L, p.host(), c);
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
            return new RawPart("/" + relative, Files.readAllBytes(ROOT.resolve(capture).resolve(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Contribution ok(Platform p, String id, long tookMicros, RawPart... parts) {
        Source src = p.source(id).orElseThrow(() -> new IllegalArgumentException("no source " + id));
        Parsed<Reading> parsed = src.parser().parse(new SourceText(List.of(parts)));
        if (parsed.inputNotUnderstood()) {
            throw new IllegalStateException(id + ": nothing understood in the fixture");
        }
        return new Contribution(parsed.value(), new SourceStatus(id, SourceHealth.OK, "",
                Duration.ofNanos(tookMicros * 1000), Duration.ofSeconds(1), src.optional()));
    }

    private static Contribution failed(String id, SourceHealth h, String detail, long tookMicros) {
        return new Contribution(Reading.empty(), new SourceStatus(id, h, detail, Duration.ofNanos(tookMicros * 1000),
                Duration.ofSeconds(1), false));
    }
}
