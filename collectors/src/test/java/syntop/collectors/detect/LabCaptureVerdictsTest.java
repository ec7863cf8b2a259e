package syntop.collectors.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static syntop.collectors.detect.Verdicts.contains;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import syntop.collectors.Fixtures;
import syntop.collectors.history.History;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.Counters;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Reading;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.model.SourceStatus;
import syntop.collectors.os.linux.LinuxPlatform;
import syntop.collectors.os.linux.ProcNetPairsParser;
import syntop.collectors.os.linux.ProcNetTcpParser;
import syntop.collectors.os.linux.ProcSysParser;
import syntop.collectors.os.linux.SockstatParser;
import syntop.collectors.os.linux.SsListenParser;
import syntop.collectors.parse.Parsed;
import syntop.collectors.platform.SnapshotMerge;
import syntop.collectors.platform.SnapshotMerge.Contribution;

/**
 * The detectors on a real capture: a SYN flood on :8080 (129 SYN_RECV with limit 128, cookies off,
 * TCPReqQFullDrop 271) and a full accept queue on :8081 (Recv-Q 17, Send-Q 16), parsed by the Linux
 * parsers and assembled the way the sampler does.
 */
class LabCaptureVerdictsTest {
    private static final String LAB = "linux/6.18-lab-synflood";
    private static final HostInfo HOST = new HostInfo("syntop-srv", OsFamily.LINUX, "Linux 6.18.44");
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

    private static Contribution ok(String id, Parsed<Reading> p) {
        assertTrue(p.unparsed().isEmpty(), () -> id + ": " + p.unparsed());
        return new Contribution(p.value(),
                new SourceStatus(id, SourceHealth.OK, "", Duration.ofMillis(1), Duration.ofSeconds(1), false));
    }

    /** The capture, sources in the platform's priority order. */
    static Snapshot capture(int second) {
        List<Contribution> c = List.of(
                ok(LinuxPlatform.SS_LISTEN, SsListenParser.parse(Fixtures.lines(LAB + "/cmd/ss-ltn.txt"))),
                ok(LinuxPlatform.TCP_TABLE, ProcNetTcpParser.parse(Fixtures.files(LAB, "/proc/net/tcp", "/proc/net/tcp6"))),
                ok(LinuxPlatform.SNMP, ProcNetPairsParser.parse(Fixtures.lines(LAB + "/proc/net/snmp"))),
                ok(LinuxPlatform.NETSTAT, ProcNetPairsParser.parse(Fixtures.lines(LAB + "/proc/net/netstat"))),
                ok(LinuxPlatform.SOCKSTAT, SockstatParser.parse(Fixtures.lines(LAB + "/proc/net/sockstat"))),
                ok(LinuxPlatform.SYSCTL, ProcSysParser.parse(Fixtures.files(LAB, "/proc/sys/net/ipv4/tcp_syncookies",
                        "/proc/sys/net/ipv4/tcp_max_syn_backlog", "/proc/sys/net/ipv4/ip_local_port_range",
                        "/proc/sys/net/core/somaxconn"))));
        return SnapshotMerge.merge(AT.plusSeconds(second), second * 1_000_000_000L, HOST, c);
    }

    /** The capture with every counter at {@code fraction} of its captured value: the same host earlier. */
    static Snapshot earlier(Snapshot s, double fraction, int second) {
        Counters.Builder b = Counters.builder();
        for (Map.Entry<CounterId, Long> e : s.counters().normalised().entrySet()) {
            b.put(e.getKey(), e.getKey().kind() == CounterId.Kind.GAUGE ? e.getValue()
                    : Math.round(e.getValue() * fraction));
        }
        return new Snapshot(AT.plusSeconds(second), second * 1_000_000_000L, s.host(), s.sources(), s.states(), b.build(),
                s.listeners(), s.remotes(), s.tunables());
    }

    @Test
    void theCaptureAssemblesAsExpected() {
        Snapshot s = capture(0);
        assertEquals(java.util.Optional.of("0"), s.tunable("net.ipv4.tcp_syncookies"));
        assertEquals(271L, s.counters().get(CounterId.SYN_QUEUE_FULL_DROPS).getAsLong());
        var q8080 = s.listeners().stream().filter(q -> q.port() == 8080).findFirst().orElseThrow();
        assertEquals(129, q8080.synQueue().getAsLong());
        assertEquals(128, q8080.limit().getAsLong());
    }

    @Test
    void aCalmSnapshotThenTheCaptureOverOneInterval() {
        Snapshot now = capture(1);
        History h = new History();
        h.add(earlier(now, 0, 0));
        h.add(now);
        // a capture is one moment: judge it over the single interval it gives
        Thresholds t = Thresholds.parse(List.of("sustain.samples = 1")).thresholds();
        List<Verdict> vs = Detectors.evaluate(h, t);
        assertEquals(List.of(Verdict.Kind.SYN_FLOOD, Verdict.Kind.ACCEPT_QUEUE_FULL),
                vs.stream().map(Verdict::kind).toList(), vs::toString);

        Verdict flood = vs.get(0);
        assertEquals(OptionalInt.of(8080), flood.port());
        assertEquals(Verdict.Severity.CRITICAL, flood.severity());
        contains(flood, "SYN flood on :8080", "129 half-open on :8080 (limit 128)", "271 SYN drops/s",
                "cookies off (tcp_syncookies=0)", "from 1 peer (top 10.99.0.1: 129)");

        Verdict accept = vs.get(1);
        assertEquals(OptionalInt.of(8081), accept.port());
        assertEquals(Verdict.Severity.CRITICAL, accept.severity());
        contains(accept, "accept queue 17/16 on :8081", "0 half-open on :8081", "ListenOverflows 92/s");
    }

    @Test
    void theSameCountersRisingOverFiveSecondsWithTheDefaults() {
        Snapshot last = capture(5);
        History h = new History();
        for (int k = 0; k <= 5; k++) {
            h.add(earlier(last, k / 5.0, k));
        }
        List<Verdict> vs = Detectors.evaluate(h);
        assertEquals(List.of(Verdict.Kind.SYN_FLOOD, Verdict.Kind.ACCEPT_QUEUE_FULL),
                vs.stream().map(Verdict::kind).toList(), vs::toString);
        assertEquals(OptionalInt.of(8080), vs.get(0).port());
        assertEquals(Verdict.Severity.CRITICAL, vs.get(0).severity());
        contains(vs.get(0), "SYN drops/s", "cookies off", "rates over the last 5 samples");
        assertEquals(OptionalInt.of(8081), vs.get(1).port());
    }

    @Test
    void withTheCountersStillTheFloodIsOver() {
        // the half-open entries remain until their SYN-ACK retries time out, but nothing is dropped any more
        Snapshot s = capture(0);
        History h = new History();
        for (int k = 0; k < 10; k++) {
            h.add(new Snapshot(AT.plusSeconds(k), k * 1_000_000_000L, s.host(), s.sources(), s.states(), s.counters(),
                    s.listeners(), s.remotes(), s.tunables()));
        }
        List<Verdict> vs = Detectors.evaluate(h);
        // the accept queue on :8081 is still full in every sample: a warning, and no flood
        assertEquals(1, vs.size(), vs::toString);
        assertEquals(Verdict.Kind.ACCEPT_QUEUE_FULL, vs.get(0).kind());
        assertEquals(Verdict.Severity.WARNING, vs.get(0).severity());
    }
}
