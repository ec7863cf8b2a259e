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
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.Fixtures;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.judge.Pipeline;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.TcpState;
import syntop.collectors.net.Ip;
import syntop.collectors.os.bsd.FakeRunner;
import syntop.collectors.os.linux.LinuxPlatform;
import syntop.collectors.platform.Poll;
import syntop.collectors.platform.Sampler;
import syntop.collectors.platform.SourceResult;
import syntop.collectors.platform.StandIn;
import syntop.collectors.report.SnapshotJson;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.CommandResult;
import syntop.collectors.source.CommandRunner;
import syntop.collectors.source.RawOutput;
import syntop.collectors.source.Source;
import syntop.collectors.source.FsRoot;

/**
 * Captures from a Linux tree on disk (the lab's SYN flood fixture), with a command runner that
 * answers {@code ss} from the same capture, or knows no command at all: what the manifest says,
 * where files land, and that the bundle replays to the very snapshot the capture saw.
 */
class BundleTakerTest {
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

    private static List<BundleTaker.RawSample> take(Path root, int samples) throws InterruptedException {
        return take(root, samples, SS_FROM_CAPTURE);
    }

    private static List<BundleTaker.RawSample> take(Path root, int samples, CommandRunner runner)
            throws InterruptedException {
        AtomicLong mono = new AtomicLong(5_000_000_000L);
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:52:00Z"), ZoneOffset.UTC);
        return BundleTaker.sample(LINUX, new Acquirer(runner, new FsRoot(root)), samples, INTERVAL,
                clock, () -> mono.getAndAdd(500_000_000L));
    }

    @Test
    void aMissingCommandAndNoRootAreInTheManifest(@TempDir Path dir) throws Exception {
        BundleTaker.Result r = BundleTaker.build(LINUX, take(tree(dir.resolve("root")), 1, new FakeRunner()), NOBODY,
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

    /**
     * The live sampler reads the small connection table from /proc in place of the ss dump after its
     * first tick: the bundle holds both, and replays each sample through the one live read.
     */
    @Test
    void aBundleHoldsEverySourceTheLiveSamplerCanPollAndReplaysWhatItRead(@TempDir Path dir) throws Exception {
        Path root = tree(dir.resolve("root"));
        BundleTaker.Result r = BundleTaker.build(LINUX, take(root, 3), NOBODY, "test", INTERVAL, false,
                new SecureRandom());
        for (Manifest.Sample s : r.bundle().manifest().samples()) {
            for (Source src : LINUX.pollableSources()) {
                assertTrue(s.source(src.id()).isPresent(), src.id() + " in sample " + s.dir());
            }
        }
        assertTrue(LINUX.pollableSources().stream().anyMatch(s -> s.id().equals(LinuxPlatform.TCP_TABLE)));
        assertTrue(r.bundle().file("samples/2/proc/net/tcp").isPresent(), r.bundle().files().keySet()::toString);
        BundleReader replay = BundleReader.of(r.bundle());
        AtomicLong mono = new AtomicLong(5_000_000_000L);
        Sampler live = new Sampler(LINUX, new Acquirer(SS_FROM_CAPTURE, new FsRoot(root)),
                Clock.fixed(Instant.parse("2026-11-25T00:52:00Z"), ZoneOffset.UTC), () -> mono.getAndAdd(500_000_000L),
                INTERVAL);
        Pipeline seenBy = new Pipeline(LINUX, Thresholds.defaults());
        Pipeline replayedBy = new Pipeline(replay, Thresholds.defaults());
        List<Snapshot> replayed = new ArrayList<>();
        try (live) {
            Snapshot seen = null;
            for (int i = 0; i < 3; i++) {
                seen = seenBy.tick(live.poll(seen)).snapshot();
                replayed.add(replayedBy.tick(replay.poll(i, i == 0 ? null : replayed.get(i - 1))).snapshot());
                Snapshot again = replayed.get(i);
                assertEquals(seen.sources().keySet(), again.sources().keySet(), "the sources read at sample " + i);
                assertEquals(seen.states(), again.states(), "sample " + i);
                assertEquals(seen.listeners(), again.listeners(), "sample " + i);
                assertEquals(seen.remotes(), again.remotes(), "sample " + i);
            }
        }
        assertTrue(replayed.get(0).sources().containsKey(LinuxPlatform.SS_STATES));
        assertTrue(replayed.get(1).sources().containsKey(LinuxPlatform.TCP_TABLE), "the table is small: read from /proc");
        assertEquals(129, replayed.get(2).states().get(TcpState.SYN_RCVD));
    }

    @Test
    void theKernelLogIsCapturedOnceAndRedactedAndReplaysAsReadLive(@TempDir Path dir) throws Exception {
        Path root = tree(dir.resolve("root"));
        Files.createDirectories(root.resolve("dev"));
        Files.copy(Fixtures.path("linux/6.18-lab-kmsg-ratelimit/dev/kmsg"), root.resolve("dev/kmsg"));
        Files.copy(Fixtures.path("linux/6.18-lab-kmsg-ratelimit/proc/stat"), root.resolve("proc/stat"));
        BundleTaker.Result r = BundleTaker.build(LINUX, take(root, 2), NOBODY, "test", INTERVAL, true, new SecureRandom());
        String first = new String(r.bundle().file("dev/kmsg").orElseThrow(), StandardCharsets.UTF_8);
        assertFalse(first.contains("10.99.0.2"), "the listener's address is a pseudonym");
        assertEquals(12, first.lines().count());
        assertEquals(0, r.bundle().file("samples/2/dev/kmsg").orElseThrow().length, "the second sample read nothing again");
        Snapshot replayed = Pipeline.lastOf(BundleReader.of(r.bundle()), Thresholds.defaults()).snapshot();
        assertEquals(12, replayed.kernelEvents().size());
        assertTrue(replayed.kernelEvents().stream().allMatch(e -> e.beforeStart()));
        assertEquals(java.util.OptionalInt.of(8114), replayed.kernelEvents().get(0).port());
    }

    @Test
    void anUnredactedBundleReplaysToTheSameSnapshot(@TempDir Path dir) throws Exception {
        List<BundleTaker.RawSample> taken = take(tree(dir.resolve("root")), 2);
        BundleTaker.Result r = BundleTaker.build(LINUX, taken, NOBODY, "test", INTERVAL, false, new SecureRandom());
        Path out = dir.resolve("bundle.tar.gz");
        r.bundle().writeTarGz(out, 0);
        BundleReader replay = BundleReader.open(out);
        assertEquals(2, replay.sampleCount());
        assertTrue(r.bundle().file("samples/2/proc/net/snmp").isPresent());
        assertTrue(taken.get(1).monoNanos() > 0);
        assertEquals(taken.get(1).monoNanos(), replay.manifest().samples().get(1).monoNanos());
        Pipeline live = new Pipeline(LINUX, Thresholds.defaults());
        JudgedTick a = null;
        for (BundleTaker.RawSample s : taken) {
            a = live.tick(poll(s, a == null ? null : a.snapshot()));
        }
        JudgedTick replayed = Pipeline.lastOf(replay, Thresholds.defaults());
        Snapshot b = replayed.snapshot();
        assertEquals(SnapshotJson.snapshot(a), SnapshotJson.snapshot(replayed));
        assertEquals(129, b.states().get(TcpState.SYN_RCVD));
    }

    @Test
    void aRedactedBundleHasNoRealAddressOrNameAndStillCountsTheSame(@TempDir Path dir) throws Exception {
        List<BundleTaker.RawSample> taken = take(tree(dir.resolve("root")), 1);
        BundleTaker.Result r = BundleTaker.build(LINUX, taken, NOBODY, "test", INTERVAL, true, new SecureRandom());
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
        Snapshot replayed = Pipeline.lastOf(BundleReader.of(r.bundle()), Thresholds.defaults()).snapshot();
        Snapshot original = new Pipeline(LINUX, Thresholds.defaults()).tick(poll(taken.get(0), null)).snapshot();
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
                () -> BundleTaker.check(files, java.util.Set.of(Ip.parseV4("10.99.0.2").orElseThrow())));
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        // a longer number that merely contains it is not a leak
        BundleTaker.check(Map.of("x", "110.99.0.23 10.99.0.20".getBytes(StandardCharsets.UTF_8)),
                java.util.Set.of(Ip.parseV4("10.99.0.2").orElseThrow()));
    }

    /** What the live sampler would have polled of a taken sample after {@code last}: each source, or its stand-in. */
    private static Poll poll(BundleTaker.RawSample s, Snapshot last) {
        List<SourceResult> read = new ArrayList<>();
        Map<String, Duration> every = new java.util.HashMap<>();
        for (Source src : LINUX.sources()) {
            String id = StandIn.toPoll(LINUX, src, last).id();
            read.add(s.results().stream().filter(x -> x.status().id().equals(id)).findFirst().orElseThrow());
            every.put(src.id(), INTERVAL);
        }
        return new Poll(s.at(), s.monoNanos(), read, every);
    }
}
