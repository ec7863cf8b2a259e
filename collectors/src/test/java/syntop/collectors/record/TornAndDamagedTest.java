package syntop.collectors.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorder killed mid-write leaves a torn last record; damage elsewhere costs only the damaged record. */
class TornAndDamagedTest {
    @TempDir
    Path tmp;

    private List<TickRecord> ticks;
    private RecordingHeader header;
    private byte[] file;
    /** Where each tick frame starts and ends in {@link #file}. */
    private final List<long[]> frames = new ArrayList<>();

    @BeforeEach
    void writeSmallFile() throws IOException {
        Recording r = Kit.recorded(tmp.resolve("src.syntop"), 4);
        header = r.header();
        ticks = Kit.ticks(r);
        Kit.SmallDisk disk = new Kit.SmallDisk(Long.MAX_VALUE);
        RecordWriter w = new RecordWriter(tmp.resolve("mem.syntop"), RecordWriter.Limits.defaults(), header,
                p -> disk, new Kit.ManualClock(), s -> { });
        for (TickRecord t : ticks) {
            long start = disk.size();
            w.tick(t);
            frames.add(new long[] {start, disk.size()});
        }
        file = disk.data;
    }

    private void assertTicksIntact(Recording r, int n) {
        assertEquals(n, r.size());
        for (int i = 0; i < n; i++) {
            assertEquals(ticks.get(i), r.tick(i), "tick " + i);
        }
    }

    @Test
    void theWholeFileReadsBack() {
        Recording r = Recording.of("whole", file);
        assertTicksIntact(r, 4);
        assertEquals(List.of(), r.notes());
        assertEquals(header.withCreated(r.header().created()), r.header(), "only the start time is the new file's");
    }

    @Test
    void aTornLastRecordIsSkippedWithANoteAtEveryCut() {
        long[] last = frames.get(3);
        for (long cut = last[0]; cut < last[1]; cut++) {
            Recording r = Recording.of("cut at " + cut, file, (int) cut);
            assertEquals(3, r.size(), "cut at " + cut);
            if (cut == last[0] || cut == last[0] + 1 || cut == last[1] - 1 || cut % 997 == 0) {
                assertTicksIntact(r, 3); // decoding every tick at every cut would take long; the index is what a cut can harm
            }
            if (cut == last[0]) {
                assertEquals(List.of(), r.notes(), "cut on a record boundary: nothing torn");
            } else {
                assertEquals(1, r.notes().size(), "cut at " + cut);
                assertTrue(r.notes().get(0).text().contains("cut short"), r.notes().get(0).text());
            }
        }
    }

    @Test
    void aDamagedRecordInTheMiddleCostsOnlyThatRecord() {
        long[] second = frames.get(1);
        for (long at : new long[] {second[0], second[0] + 3, second[0] + 7, (second[0] + second[1]) / 2, second[1] - 1}) {
            byte[] damaged = file.clone();
            damaged[(int) at] ^= 0x5a;
            Recording r = Recording.of("damaged at " + at, damaged);
            assertEquals(3, r.size(), "damage at " + at);
            assertEquals(ticks.get(0), r.tick(0));
            assertEquals(ticks.get(2), r.tick(1));
            assertEquals(ticks.get(3), r.tick(2));
            assertTrue(r.notes().stream().anyMatch(n -> n.text().contains("damaged bytes")), r.notes()::toString);
        }
    }

    /** Where the first tick starts: after the preamble and the header, which a file holds twice. */
    private int headersEnd() {
        return RecordingFormat.PREAMBLE_SIZE + 2 * oneHeader();
    }

    /** The header frame's size, from its length field. */
    private int oneHeader() {
        return RecordingFormat.FRAME_HEAD_SIZE
                + java.nio.ByteBuffer.wrap(file).getInt(RecordingFormat.PREAMBLE_SIZE + 2);
    }

    @Test
    void aDamagedByteAnywhereInThePreambleOrTheFirstHeaderCostsNoTick() {
        int oneHeader = oneHeader();
        for (int at = 0; at < RecordingFormat.PREAMBLE_SIZE + oneHeader; at++) {
            byte[] damaged = file.clone();
            damaged[at] ^= 0x5a;
            Recording r = Recording.of("damaged at " + at, damaged);
            assertTicksIntact(r, 4);
            assertEquals(header.withCreated(r.header().created()), r.header(), "damage at " + at);
            assertTrue(r.notes().stream().anyMatch(Recording.Note::problem), "damage at " + at + " is noted");
        }
    }

    @Test
    void aFileOfAnOlderSyntopWithOneHeaderStillReadsAndSaysWhenItsHeaderIsLost() {
        int oneHeader = oneHeader();
        byte[] old = new byte[file.length - oneHeader];
        System.arraycopy(file, 0, old, 0, RecordingFormat.PREAMBLE_SIZE + oneHeader);
        System.arraycopy(file, headersEnd(), old, RecordingFormat.PREAMBLE_SIZE + oneHeader, file.length - headersEnd());
        Recording r = Recording.of("old", old);
        assertTicksIntact(r, 4);
        assertEquals(List.of(), r.notes());
        old[RecordingFormat.PREAMBLE_SIZE + 20] ^= 0x5a;
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> Recording.of("old", old));
        assertTrue(e.getMessage().contains("the header is damaged and the file holds no intact copy"), e.getMessage());
    }

    @Test
    void notARecordingSaysSo() {
        RecordingFormatException e = assertThrows(RecordingFormatException.class,
                () -> Recording.of("text", "hello\n".getBytes()));
        assertTrue(e.getMessage().contains("not a syntop recording"), e.getMessage());
        Kit.SmallDisk disk = new Kit.SmallDisk(Long.MAX_VALUE);
        RecordingHeader nine = new RecordingHeader(9, header.writer(), header.runId(), header.created(), header.host(),
                header.interval(), header.sources(), header.rawTableLimit(), header.rawTableEvery());
        new RecordWriter(tmp.resolve("nine.syntop"), RecordWriter.Limits.defaults(), nine, p -> disk,
                new Kit.ManualClock(), s -> { }).tick(ticks.get(0));
        byte[] newer = disk.data;
        newer[RecordingFormat.MAGIC.length + 1] = 9;
        e = assertThrows(RecordingFormatException.class, () -> Recording.of("newer", newer));
        assertTrue(e.getMessage().contains("newer than this syntop reads"), e.getMessage());
        assertThrows(RecordingFormatException.class, () -> Recording.of("preamble only",
                Arrays.copyOf(file, RecordingFormat.PREAMBLE_SIZE + 3)));
    }

    @Test
    void randomGarbageNeverThrowsAnythingButAFormatError() {
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] b = file.clone();
            for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
                b[RecordingFormat.PREAMBLE_SIZE + rnd.nextInt(b.length - RecordingFormat.PREAMBLE_SIZE)] =
                        (byte) rnd.nextInt(256);
            }
            try {
                Recording r = Recording.of("garbage", b);
                for (int t = 0; t < r.size(); t++) {
                    try {
                        r.tick(t);
                    } catch (RecordingFormatException ok) {
                        // a record whose checksum matched by chance but whose body is not readable
                    }
                }
            } catch (RecordingFormatException ok) {
                // the header itself was hit
            }
        }
    }
}
