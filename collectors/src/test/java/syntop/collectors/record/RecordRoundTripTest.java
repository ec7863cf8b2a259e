package syntop.collectors.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import syntop.collectors.model.ListenQueue;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.KernelEvent;
import syntop.collectors.model.Snapshot;
import syntop.collectors.model.SourceHealth;
import syntop.collectors.os.linux.LinuxPlatform;
import syntop.collectors.source.Acquirer;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.RawOutput;

/**
 * Every source of every OS, recorded from the captured outputs and played back on this machine (a
 * Linux build replays macOS and FreeBSD recordings with their own parsers): the replayed snapshot is
 * the live one, field for field, and the stored one too.
 */
class RecordRoundTripTest {
    @TempDir
    Path tmp;

    private static Kit.Setup setup(String os) {
        switch (os) {
            case "linux": return Kit.linux();
            case "macos": return Kit.macos();
            default: return Kit.freebsd();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "macos", "freebsd"})
    void everySourceRoundTripsRaw(String os) throws IOException {
        Path file = tmp.resolve(os + ".syntop");
        List<String> said = new ArrayList<>();
        List<Snapshot> live = Kit.record(setup(os), file, 12, TickRecorder.DEFAULT_RAW_TABLE_LIMIT,
                TickRecorder.DEFAULT_RAW_TABLE_EVERY, RecordWriter.Limits.defaults(), said);
        assertEquals(List.of(), said, "nothing to say when all went well");

        Recording r = Recording.open(file);
        assertEquals(os, r.header().host().os().token());
        assertEquals(setup(os).platform().sources().size(), r.header().sources().size());
        // each acquisition as it was, a log device read record by record among them (Linux)
        assertEquals(setup(os).platform().sources().stream().map(s -> s.acquisition()).toList(),
                r.header().sources().stream().map(s -> s.acquisition()).toList());
        assertEquals(12, r.size());
        assertTrue(r.notes().stream().anyMatch(n -> n.text().equals("test done")), r.notes()::toString);

        Replay replay = new Replay(List.of(r), Thresholds.defaults());
        Set<Class<?>> kinds = new HashSet<>();
        Set<RawOutput.Outcome> outcomes = EnumSet.noneOf(RawOutput.Outcome.class);
        for (int i = 0; i < live.size(); i++) {
            TickRecord stored = r.tick(i);
            // a recording's snapshots keep the listeners' queues, not their owners; its raw outputs have them
            assertEquals(withoutOwners(live.get(i)), stored.snapshot(), "stored snapshot of tick " + i);
            JudgedTick t = replay.seek(i);
            assertEquals(live.get(i), t.snapshot(), "replayed snapshot of tick " + i);
            assertEquals(stored.verdicts(), TickRecord.VerdictMark.of(t.verdicts()), "verdicts of tick " + i);
            for (TickRecord.SourceEntry e : stored.sources()) {
                kinds.add(e.getClass());
                if (e instanceof TickRecord.Raw raw) {
                    outcomes.add(raw.raw().outcome());
                }
            }
        }
        assertTrue(kinds.contains(TickRecord.Raw.class));
        assertFalse(kinds.contains(TickRecord.ParsedOnly.class), "small tables are kept raw every tick");
        if (os.equals("macos")) {
            assertTrue(kinds.contains(TickRecord.NotPolled.class), "the slow table backed off");
            assertTrue(outcomes.containsAll(EnumSet.of(RawOutput.Outcome.COMPLETED, RawOutput.Outcome.TIMEOUT)), outcomes::toString);
            Snapshot last = replay.seek(11).snapshot();
            assertEquals(SourceHealth.NEEDS_ROOT, last.sources().get("pfctl-si").health());
            assertEquals(SourceHealth.TIMEOUT, last.sources().get("pfctl-sm").health());
        }
        if (os.equals("linux")) {
            assertTrue(live.get(0).sources().values().stream().allMatch(s -> s.health() == SourceHealth.OK
                    || s.health() == SourceHealth.UNAVAILABLE), () -> live.get(0).sources().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "macos", "freebsd"})
    void bigTablesKeptParsedBetweenKeyframesReplayTheSame(String os) throws IOException {
        Path file = tmp.resolve(os + "-parsed.syntop");
        List<Snapshot> live = Kit.record(setup(os), file, 10, 200, 4, RecordWriter.Limits.defaults(), new ArrayList<>());
        Recording r = Recording.open(file);
        Replay replay = new Replay(List.of(r), Thresholds.defaults());
        int parsedOnly = 0;
        int raw = 0;
        for (int i = 0; i < live.size(); i++) {
            assertEquals(live.get(i), replay.seek(i).snapshot(), "tick " + i);
            for (TickRecord.SourceEntry e : r.tick(i).sources()) {
                if (e instanceof TickRecord.ParsedOnly p) {
                    parsedOnly++;
                    assertTrue(p.rawBytes() > 200);
                } else if (e instanceof TickRecord.Raw) {
                    raw++;
                }
            }
        }
        assertTrue(parsedOnly > 0, "outputs over the limit are kept parsed between keyframes");
        assertTrue(raw > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "macos"})
    void steppingBackGivesTheSameTickAsGoingForward(String os) throws IOException {
        Path file = tmp.resolve(os + "-back.syntop");
        Kit.record(setup(os), file, 15, TickRecorder.DEFAULT_RAW_TABLE_LIMIT, 300, RecordWriter.Limits.defaults(),
                new ArrayList<>());
        Replay forward = new Replay(List.of(Recording.open(file)), Thresholds.defaults());
        List<JudgedTick> ticks = new ArrayList<>();
        List<Object> rates = new ArrayList<>();
        for (int i = 0; i < forward.size(); i++) {
            ticks.add(forward.seek(i));
            // the history goes on changing; keep what it said at this tick
            rates.add(forward.seek(i).history().rate(syntop.collectors.model.CounterId.PASSIVE_OPENS));
        }
        Replay back = new Replay(List.of(Recording.open(file)), Thresholds.defaults());
        for (int i = back.size() - 1; i >= 0; i--) {
            JudgedTick t = back.seek(i);
            assertEquals(ticks.get(i).snapshot(), t.snapshot());
            assertEquals(ticks.get(i).verdicts(), t.verdicts());
            assertEquals(rates.get(i), t.history().rate(syntop.collectors.model.CounterId.PASSIVE_OPENS));
        }
    }

    /**
     * The kernel log: each tick stores only the records new since the last, raw; replay reads them in
     * order and rebuilds what the kernel said, and which of it came before the recording began.
     */
    @Test
    void theKernelLogReplaysAsItWasRead() throws IOException {
        Path root = tmp.resolve("root");
        Path lab = Kit.FIXTURES.resolve("linux/6.18-lab-synflood");
        try (var files = Files.walk(lab)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path to = root.resolve(lab.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        Files.createDirectories(root.resolve("dev"));
        Files.copy(Kit.FIXTURES.resolve("linux/6.18-lab-kmsg-ratelimit/dev/kmsg"), root.resolve("dev/kmsg"));
        Files.copy(Kit.FIXTURES.resolve("linux/6.18-lab-kmsg-ratelimit/proc/stat"), root.resolve("proc/stat"));
        Kit.Setup linux = Kit.linux();
        Kit.Setup withLog = new Kit.Setup(linux.platform(), new Acquirer(new Kit.Runner().file(List.of("ss", "-ltnp"),
                "linux/6.18-lab-synflood/cmd/ss-ltn.txt", Duration.ofMillis(4)), new FsRoot(root)));
        Path file = tmp.resolve("kmsg.syntop");
        List<Snapshot> live = Kit.record(withLog, file, 3, TickRecorder.DEFAULT_RAW_TABLE_LIMIT,
                TickRecorder.DEFAULT_RAW_TABLE_EVERY, RecordWriter.Limits.defaults(), new ArrayList<>());
        assertEquals(12, live.get(2).kernelEvents().size());
        assertTrue(live.get(2).kernelEvents().stream().allMatch(KernelEvent::beforeStart));

        Recording r = Recording.open(file);
        TickRecord.Raw second = (TickRecord.Raw) r.tick(1).sources().stream()
                .filter(e -> e.id().equals(LinuxPlatform.KMSG)).findFirst().orElseThrow();
        assertEquals(0, second.raw().parts().get(0).data().length, "the second tick read no record again");
        Replay replay = new Replay(List.of(r), Thresholds.defaults());
        assertEquals(live.get(2).kernelEvents(), replay.seek(2).snapshot().kernelEvents());
        // stepping back replays from a copy of what was read by then
        assertEquals(live.get(0).kernelEvents(), replay.seek(0).snapshot().kernelEvents());
        assertEquals(live.get(1), replay.seek(1).snapshot());
    }

    private static Snapshot withoutOwners(Snapshot s) {
        List<ListenQueue> queues = s.listeners().stream().map(q -> new ListenQueue(q.protocol(), q.localAddress(), q.port(),
                q.acceptQueue(), q.synQueue(), q.limit())).toList();
        return new Snapshot(s.at(), s.monoNanos(), s.host(), s.sources(), s.states(), s.counters(), queues, s.remotes(),
                s.tunables(), s.kernelEvents());
    }
}
