package syntop.collectors.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.Fixtures;
import syntop.collectors.capture.Ip;
import syntop.collectors.history.History;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Reading;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;
import syntop.collectors.os.bsd.FakeRunner;
import syntop.collectors.os.linux.LinuxPlatform;
import syntop.collectors.platform.CapturePlatform;
import syntop.collectors.platform.SnapshotAssembler;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.report.SnapshotJson;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.FsRoot;

/**
 * Captures from a Linux tree on disk (the lab's SYN flood fixture), with a command runner that
 * answers {@code ss} from the same capture, or knows no command at all: what the manifest says,
 * where files land, and that the bundle replays to the very snapshot the capture saw.
 */
class CaptureTakerTest {
    private static final LinuxPlatform LINUX = new LinuxPlatform(new HostInfo("web1", OsFamily.LINUX, "Linux 6.18.44"));
    private static final HostFacts NOBODY = new HostFacts("Debian GNU/Linux 12 (bookworm)", "12", "6.18.44", "amd64",
            ByteOrder.LITTLE_ENDIAN, "C.UTF-8", 65534, List.of("web1", "web1.corp.example.org"),
            List.of(Ip.parseV4("10.99.0.2").orElseThrow(), Ip.parseV6("fd00::2").orElseThrow()));

    private static final Duration INTERVAL = Duration.ofMillis(10);
    private static final String LAB = "linux/6.18-lab-synflood-ss";

    /** {@code ss} answered with the capture's own output; any other program is missing. */
    private static final CommandRunner SS_FROM_CAPTURE = (argv, timeout, max) -> {
        if (!argv.get(0).equals("ss")) {
            return new FakeRunner().run(argv, timeout, max);
        }
        try {
            return new CommandResult(argv, RawOutput.Outcome.COMPLETED,
                    Files.readAllBytes(Fixtures.path(LAB).resolve("cmd/ss-tan-states.txt")), "", 0, false, Duration.ZERO, "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    };

    private static Path tree(Path dir) throws IOException {
        Path from = Fixtures.path(LAB);
        try (Stream<Path> s = Files.walk(from.resolve("proc"))) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".expected.json")).toList()) {
                Path to = dir.resolve(from.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        return dir;
    }

    private static List<CaptureTaker.RawSample> take(Path root, int samples) throws InterruptedException {
        return take(root, samples, SS_FROM_CAPTURE);
    }

    private static List<CaptureTaker.RawSample> take(Path root, int samples, CommandRunner runner)
            throws InterruptedException {
        AtomicLong mono = new AtomicLong(5_000_000_000L);
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:52:00Z"), ZoneOffset.UTC);
        return CaptureTaker.sample(LINUX, new Acquirer(runner, new FsRoot(root)), samples, INTERVAL,
                clock, () -> mono.getAndAdd(500_000_000L));
    }

    @Test
    void aMissingCommandAndNoRootAreInTheManifest(@TempDir Path dir) throws Exception {
        CaptureTaker.Result r = CaptureTaker.build(LINUX, take(tree(dir.resolve("root")), 1, new FakeRunner()), NOBODY,
                "test", INTERVAL, false, new SecureRandom());
        Manifest m = r.bundle().manifest();
        assertFalse(m.host().root());
        assertEquals(65534, m.host().uid());
        Manifest.SourceEntry ss = m.samples().get(0).source(LinuxPlatform.SS_STATES).orElseThrow();
        assertEquals("ss", ss.argv().get(0));
        assertEquals("not_found", ss.outcome().name().toLowerCase());
        assertEquals("unavailable", ss.health());
        assertEquals("ss: command not found", ss.status());
        assertEquals(List.of(), ss.files());
        assertTrue(r.missing().stream().anyMatch(x -> x.startsWith("ss -Htan") && x.endsWith(": ss: command not found")),
                r.missing().toString());
        assertTrue(r.bundle().files().keySet().stream().noneMatch(f -> f.startsWith("cmd/ss")));
        Manifest.SourceEntry snmp = m.samples().get(0).source(LinuxPlatform.SNMP).orElseThrow();
        assertEquals(List.of("/proc/net/snmp"), snmp.paths());
        assertEquals(List.of("proc/net/snmp"), snmp.files());
        assertEquals("ok", snmp.health());
        assertFalse(m.redaction().applied());
        // the tunables the fixture lacks are absent, and said so
        assertTrue(m.samples().get(0).source("proc-sys-net").orElseThrow().detail().contains("absent"));
    }

    @Test
    void theKernelLogIsCapturedOnceAndRedactedAndReplaysAsReadLive(@TempDir Path dir) throws Exception {
        Path root = tree(dir.resolve("root"));
        Files.createDirectories(root.resolve("dev"));
        Files.copy(Fixtures.path("linux/6.18-lab-kmsg-ratelimit/dev/kmsg"), root.resolve("dev/kmsg"));
        Files.copy(Fixtures.path("linux/6.18-lab-kmsg-ratelimit/proc/stat"), root.resolve("proc/stat"));
        CaptureTaker.Result r = CaptureTaker.build(LINUX, take(root, 2), NOBODY, "test", INTERVAL, true, new SecureRandom());
        String first = new String(r.bundle().file("dev/kmsg").orElseThrow(), StandardCharsets.UTF_8);
        assertFalse(first.contains("10.99.0.2"), "the listener's address is a pseudonym");
        assertEquals(12, first.lines().count());
        assertEquals(0, r.bundle().file("samples/2/dev/kmsg").orElseThrow().length, "the second sample read nothing again");
        Snapshot replayed = CapturePlatform.of(r.bundle()).snapshot(1);
        assertEquals(12, replayed.kernelEvents().size());
        assertTrue(replayed.kernelEvents().stream().allMatch(e -> e.beforeStart()));
        assertEquals(java.util.OptionalInt.of(8114), replayed.kernelEvents().get(0).port());
    }

    @Test
    void anUnredactedBundleReplaysToTheSameSnapshot(@TempDir Path dir) throws Exception {
        List<CaptureTaker.RawSample> taken = take(tree(dir.resolve("root")), 2);
        CaptureTaker.Result r = CaptureTaker.build(LINUX, taken, NOBODY, "test", INTERVAL, false, new SecureRandom());
        Path out = dir.resolve("bundle.tar.gz");
        r.bundle().writeTarGz(out, 0);
        CapturePlatform replay = CapturePlatform.open(out);
        assertFalse(replay.live());
        assertEquals(2, replay.sampleCount());
        assertTrue(r.bundle().file("samples/2/proc/net/snmp").isPresent());
        assertTrue(taken.get(1).monoNanos() > 0);
        assertEquals(taken.get(1).monoNanos(), replay.manifest().samples().get(1).monoNanos());
        History live = new History();
        for (CaptureTaker.RawSample s : taken) {
            live.add(assemble(s, LINUX.host()));
        }
        Snapshot a = live.latest().orElseThrow();
        Snapshot b = replay.history().latest().orElseThrow();
        assertEquals(SnapshotJson.snapshot(a, Optional.of(live), List.of()),
                SnapshotJson.snapshot(b, Optional.of(replay.history()), List.of()));
        assertEquals(129, b.states().get(TcpState.SYN_RCVD));
    }

    @Test
    void aRedactedBundleHasNoRealAddressOrNameAndStillCountsTheSame(@TempDir Path dir) throws Exception {
        List<CaptureTaker.RawSample> taken = take(tree(dir.resolve("root")), 1);
        CaptureTaker.Result r = CaptureTaker.build(LINUX, taken, NOBODY, "test", INTERVAL, true, new SecureRandom());
        for (Map.Entry<String, byte[]> f : r.bundle().files().entrySet()) {
            String text = new String(f.getValue(), StandardCharsets.ISO_8859_1);
            for (String real : List.of("10.99.0.1", "10.99.0.2", "web1")) {
                assertFalse(text.contains(real), real + " in " + f.getKey());
            }
        }
        Manifest m = r.bundle().manifest();
        assertTrue(m.redaction().applied());
        assertEquals("syntop-pseudonyms-1", m.redaction().scheme());
        assertEquals(2, m.redaction().addressesReplaced());
        assertTrue(m.host().hostname().matches("host-[0-9a-f]{6}"), m.host().hostname());
        assertTrue(r.bundle().name().startsWith("syntop-capture-linux-host-"), r.bundle().name());
        Snapshot replayed = CapturePlatform.of(r.bundle()).snapshot(0);
        Snapshot original = assemble(taken.get(0), LINUX.host());
        assertEquals(original.states(), replayed.states());
        assertEquals(original.counters().raw(), replayed.counters().raw());
        assertEquals(original.tunables(), replayed.tunables());
        assertEquals(129, replayed.remotes(TcpState.SYN_RCVD).get(0).count());
        assertTrue(replayed.remotes(TcpState.SYN_RCVD).get(0).address().startsWith("10."));
    }

    @Test
    void aBundleWithARealAddressLeftIsRefused() throws BundleException {
        Map<String, byte[]> files = Map.of("cmd/x.txt", "LISTEN 0 128 10.99.0.2:8080 *:*\n".getBytes(StandardCharsets.UTF_8));
        BundleException e = assertThrows(BundleException.class,
                () -> CaptureTaker.check(files, java.util.Set.of(Ip.parseV4("10.99.0.2").orElseThrow())));
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        // a longer number that merely contains it is not a leak
        CaptureTaker.check(Map.of("x", "110.99.0.23 10.99.0.20".getBytes(StandardCharsets.UTF_8)),
                java.util.Set.of(Ip.parseV4("10.99.0.2").orElseThrow()));
    }

    private static Snapshot assemble(CaptureTaker.RawSample s, HostInfo host) {
        List<SnapshotAssembler.Contribution> c = new ArrayList<>();
        for (SourceResult r : s.results()) {
            c.add(new SnapshotAssembler.Contribution(r.status().isOk() ? r.parsed().value() : Reading.empty(), r.status()));
        }
        return LINUX.complete(SnapshotAssembler.assemble(s.at(), s.monoNanos(), host, c));
    }
}
