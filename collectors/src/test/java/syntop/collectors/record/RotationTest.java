package syntop.collectors.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.detect.Thresholds;
import syntop.collectors.judge.JudgedTick;
import syntop.collectors.model.Snapshot;

/** Size and age rotation keep the disk bounded; the rotated files of one run replay as one. */
class RotationTest {
    @TempDir
    Path tmp;

    @Test
    void bySizeKeepsOnlyKeepOldFilesAndReplaysThemAsOne() throws IOException {
        Path file = tmp.resolve("rec.syntop");
        RecordWriter.Limits limits = new RecordWriter.Limits(24 * 1024, 2, Duration.ZERO);
        List<Snapshot> live = Kit.record(Kit.linux(), file, 40, TickRecorder.DEFAULT_RAW_TABLE_LIMIT, 300, limits,
                new ArrayList<>());
        assertTrue(Files.exists(file));
        assertTrue(Files.exists(tmp.resolve("rec.syntop.1")));
        assertTrue(Files.exists(tmp.resolve("rec.syntop.2")));
        assertFalse(Files.exists(tmp.resolve("rec.syntop.3")), "only --keep old files");
        long total = 0;
        List<Recording> files = new ArrayList<>();
        for (String name : List.of("rec.syntop", "rec.syntop.1", "rec.syntop.2")) {
            Path p = tmp.resolve(name);
            long size = Files.size(p);
            total += size;
            Recording r = Recording.open(p);
            assertTrue(size <= limits.maxSize() || r.size() == 1, name + " is " + size + " bytes");
            assertTrue(r.size() >= 1, name);
            files.add(r);
        }
        assertTrue(total <= limits.bound(), "disk use " + total + " within " + limits.bound());
        Replay replay = new Replay(files, Thresholds.defaults());
        int kept = replay.size();
        assertTrue(kept < 40 && kept > 3, "kept " + kept);
        // the newest ticks survive, in order, continuous
        for (int i = 0; i < kept; i++) {
            Snapshot expected = live.get(40 - kept + i);
            assertEquals(expected.at(), replay.at(i));
        }
        // rates work across file boundaries: one run, one monotonic clock, one history
        JudgedTick last = replay.seek(kept - 1);
        assertEquals(live.get(39), last.snapshot());
        assertEquals(Math.min(kept, last.history().capacity()), last.history().ticks());
    }

    @Test
    void byAgeStartsANewFileEveryMaxAge() throws IOException {
        Path file = tmp.resolve("age.syntop");
        Kit.record(Kit.macos(), file, 10, TickRecorder.DEFAULT_RAW_TABLE_LIMIT, 300,
                new RecordWriter.Limits(1L << 30, 10, Duration.ofSeconds(3)), new ArrayList<>());
        // ticks at 0..9 s: files start at 0, 3, 6, 9
        assertEquals(1, Recording.open(file).size());
        assertEquals(3, Recording.open(tmp.resolve("age.syntop.1")).size());
        assertEquals(3, Recording.open(tmp.resolve("age.syntop.3")).size());
        assertFalse(Files.exists(tmp.resolve("age.syntop.4")));
    }

    @Test
    void anExistingRecordingIsMovedAsideNotOverwritten() throws IOException {
        Path file = tmp.resolve("again.syntop");
        Kit.record(Kit.freebsd(), file, 2, TickRecorder.DEFAULT_RAW_TABLE_LIMIT, 300, RecordWriter.Limits.defaults(),
                new ArrayList<>());
        byte[] first = Files.readAllBytes(file);
        Kit.record(Kit.freebsd(), file, 3, TickRecorder.DEFAULT_RAW_TABLE_LIMIT, 300, RecordWriter.Limits.defaults(),
                new ArrayList<>());
        assertEquals(3, Recording.open(file).size());
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(tmp.resolve("again.syntop.1"))));
    }

    @Test
    void twoRecordersNeverShareAFile() throws IOException {
        Path file = tmp.resolve("one.syntop");
        Kit.Setup s = Kit.linux();
        RecordingHeader h = RecordingHeader.of(s.platform(), "t", 1, Kit.T0, Duration.ofSeconds(1), 1, 1);
        RecordWriter first = new RecordWriter(file, RecordWriter.Limits.defaults(), h, RecordWriter.files(),
                new Kit.ManualClock(), x -> { });
        first.start();
        first.note("holding the file");
        try {
            RecordWriter second = new RecordWriter(file, RecordWriter.Limits.defaults(), h, RecordWriter.files(),
                    new Kit.ManualClock(), x -> { });
            IOException e = assertThrows(IOException.class, second::start);
            assertTrue(e.getMessage().contains("being recorded by another syntop"), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("one.syntop.1")), "nothing was moved");
        } finally {
            first.close();
        }
    }

    @Test
    void sizesAsOperatorsWriteThem() {
        assertEquals(500L * 1024, Sizes.parse("500K"));
        assertEquals(64L << 20, Sizes.parse("64M"));
        assertEquals(64L << 20, Sizes.parse("64MiB"));
        assertEquals(2L << 30, Sizes.parse("2g"));
        assertEquals(1000, Sizes.parse("1000"));
        assertEquals(1536L << 20, Sizes.parse("1.5G"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("lots"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("-5M"));
        assertEquals("64 MiB", Sizes.format(64L << 20));
        assertEquals("1.5 GiB", Sizes.format(1536L << 20));
    }
}
