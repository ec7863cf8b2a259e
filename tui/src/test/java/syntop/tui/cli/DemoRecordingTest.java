package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import syntop.collectors.judge.JudgedTick;
import syntop.collectors.detect.Thresholds;
import syntop.collectors.detect.Verdict;
import syntop.collectors.model.OsFamily;
import syntop.collectors.record.Recording;
import syntop.collectors.record.Replay;
import syntop.collectors.record.TickRecord;

/**
 * The shipped lab recording (a real SYN flood on :8080 with cookies off, then a full accept queue on
 * :8081, on Linux 6.18): replayed, every tick re-parsed from its raw outputs gives the snapshot and the
 * verdicts the recorder had at that same tick.
 */
class DemoRecordingTest {
    static Recording demo() throws Exception {
        try (InputStream in = DemoRecordingTest.class.getResourceAsStream(ReplayCommand.DEMO)) {
            assertNotNull(in, "the demo recording is a resource of the tui module");
            return Recording.of("demo", in);
        }
    }

    @Test
    void replayReachesTheRecordedVerdictsAtTheRecordedTicks() throws Exception {
        Recording r = demo();
        assertEquals(OsFamily.LINUX, r.header().host().os());
        assertTrue(r.bytes() < 2L << 20, "small enough to ship: " + r.bytes());
        assertTrue(r.size() >= 60, "ticks: " + r.size());
        assertTrue(r.notes().stream().noneMatch(Recording.Note::problem), r.notes()::toString);
        Replay replay = new Replay(List.of(r), Thresholds.defaults());
        List<Set<String>> kinds = new ArrayList<>();
        for (int i = 0; i < replay.size(); i++) {
            TickRecord stored = r.tick(i);
            JudgedTick t = replay.seek(i);
            assertEquals(stored.snapshot(), t.snapshot(), "snapshot of tick " + i);
            assertEquals(stored.verdicts(), TickRecord.VerdictMark.of(t.verdicts()), "verdicts of tick " + i);
            Set<String> k = new LinkedHashSet<>();
            for (Verdict v : t.verdicts()) {
                k.add(v.kind().label() + ":" + v.port().orElse(-1));
            }
            kinds.add(k);
        }
        // the story: quiet, a SYN flood on :8080, quiet, a full accept queue on :8081, quiet
        assertEquals(Set.of(), kinds.get(0));
        int flood = indexOf(kinds, "syn_flood:8080", 0);
        int floodLast = lastIndexOf(kinds, "syn_flood:8080");
        long during = kinds.subList(flood, floodLast + 1).stream().filter(k -> k.contains("syn_flood:8080")).count();
        // on the real kernel the half-open count dips for a tick now and then (83 of 129), and the verdict with it
        assertTrue(flood > 3 && floodLast - flood >= 15 && during >= 0.8 * (floodLast - flood + 1),
                "a sustained flood from tick " + flood + " to " + floodLast + ": " + kinds);
        int queue = indexOf(kinds, "accept_queue_full:8081", floodLast);
        assertTrue(kinds.subList(floodLast + 1, queue).stream().anyMatch(Set::isEmpty), "quiet between");
        assertTrue(lastIndexOf(kinds, "accept_queue_full:8081") - queue >= 10, "a full accept queue for a while");
        assertEquals(Set.of(), kinds.get(kinds.size() - 1), "quiet at the end");
        assertEquals(flood, replay.firstVerdict().getAsInt());
        assertEquals(queue, replay.nextVerdictStart(floodLast).getAsInt());
    }

    private static int indexOf(List<Set<String>> kinds, String k, int from) {
        for (int i = from; i < kinds.size(); i++) {
            if (kinds.get(i).contains(k)) {
                return i;
            }
        }
        throw new AssertionError(k + " never seen after tick " + from + ": " + kinds);
    }

    private static int lastIndexOf(List<Set<String>> kinds, String k) {
        for (int i = kinds.size() - 1; i >= 0; i--) {
            if (kinds.get(i).contains(k)) {
                return i;
            }
        }
        throw new AssertionError(k + " never seen");
    }
}
