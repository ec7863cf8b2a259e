package syntop.collectors.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk pauses recording (said once), monitoring goes on, and recording resumes with the gap noted. */
class DiskFullTest {
    @TempDir
    Path tmp;

    private List<TickRecord> ticks;
    private RecordingHeader header;

    @BeforeEach
    void someTicks() throws IOException {
        Recording r = Kit.recorded(tmp.resolve("src.syntop"), 8);
        header = r.header();
        ticks = Kit.ticks(r);
    }

    @Test
    void aFullDiskPausesAndResumes() {
        Kit.SmallDisk disk = new Kit.SmallDisk(Long.MAX_VALUE);
        List<String> said = new ArrayList<>();
        RecordWriter w = new RecordWriter(tmp.resolve("x.syntop"), RecordWriter.Limits.defaults(), header, p -> disk,
                new Kit.ManualClock(), said::add);
        w.tick(ticks.get(0));
        w.tick(ticks.get(1));
        disk.capacity = disk.size() + 100; // room for part of the next record only
        for (int i = 2; i < 5; i++) {
            w.tick(ticks.get(i));
            assertEquals(RecordWriter.State.PAUSED, w.status().state());
            assertEquals(i - 1, w.status().lost());
        }
        assertEquals(1, said.size(), "said once: " + said);
        assertTrue(said.get(0).startsWith("recording paused: disk full (No space left on device)"), said.get(0));
        assertTrue(said.get(0).contains("monitoring goes on"), said.get(0));
        Recording during = Recording.of("during", disk.data.clone());
        assertEquals(2, during.size());
        assertEquals(List.of(), during.notes(), "the failed write was cut back: nothing torn");

        disk.capacity = Long.MAX_VALUE;
        w.tick(ticks.get(5));
        assertEquals(RecordWriter.State.RECORDING, w.status().state());
        assertEquals(2, said.size());
        assertTrue(said.get(1).startsWith("recording resumed after 3 lost ticks"), said.get(1));
        w.tick(ticks.get(6));
        w.close();

        Recording after = Recording.of("after", disk.data);
        assertEquals(List.of(ticks.get(0), ticks.get(1), ticks.get(5), ticks.get(6)),
                List.of(after.tick(0), after.tick(1), after.tick(2), after.tick(3)));
        assertEquals(1, after.notes().size());
        String gap = after.notes().get(0).text();
        assertTrue(gap.startsWith("3 ticks not recorded from " + ticks.get(2).at() + " to " + ticks.get(5).at()), gap);
        assertTrue(gap.contains("disk full"), gap);
    }

    @Test
    void noRoomEvenForTheHeaderPausesToo() {
        Kit.SmallDisk disk = new Kit.SmallDisk(20);
        List<String> said = new ArrayList<>();
        RecordWriter w = new RecordWriter(tmp.resolve("y.syntop"), RecordWriter.Limits.defaults(), header, p -> disk,
                new Kit.ManualClock(), said::add);
        w.tick(ticks.get(0));
        w.tick(ticks.get(1));
        assertEquals(RecordWriter.State.PAUSED, w.status().state());
        assertEquals(0, disk.size(), "a half-written header is cut back");
        disk.capacity = Long.MAX_VALUE;
        w.tick(ticks.get(2));
        w.close();
        Recording r = Recording.of("late", disk.data);
        assertEquals(1, r.size());
        assertEquals(Kit.carrying(ticks.get(2), ticks.get(0)), r.tick(0),
                "the file's first tick carries what the lost first tick polled and tick 2 did not");
        assertTrue(r.notes().get(0).text().startsWith("2 ticks not recorded"), r.notes().toString());
        assertEquals(2, said.size(), said::toString);
    }

    @Test
    void aDiskFullFromTheStartSaysNothingWasRecordedAndRemovesTheEmptyFile() throws IOException {
        Path file = tmp.resolve("never.syntop");
        Files.createFile(file); // as the real opener leaves it after cutting a failed header back
        Kit.SmallDisk disk = new Kit.SmallDisk(0);
        List<String> said = new ArrayList<>();
        RecordWriter w = new RecordWriter(file, RecordWriter.Limits.defaults(), header, p -> disk,
                new Kit.ManualClock(), said::add);
        w.tick(ticks.get(0));
        w.tick(ticks.get(1));
        w.close("recording stopped");
        assertEquals(2, w.status().lost());
        assertEquals(0, w.status().written());
        assertEquals(2, said.size(), said::toString);
        assertTrue(said.get(1).startsWith("nothing was recorded: 2 ticks lost (disk full (No space left on device)); "
                + file + " was removed"), said.get(1));
        assertTrue(Files.notExists(file));
    }

    /** A connection table read by its stand-in is carried into its own place, whatever id the entry has. */
    @Test
    void aStandInsEntryIsCarriedIntoItsSourcesPlace() {
        TickRecord.SourceEntry table = ticks.get(1).sources().get(0);
        assertEquals("proc-net-tcp", table.id(), "the small table is read from /proc in place of ss");
        List<TickRecord.SourceEntry> notPolled = new ArrayList<>(ticks.get(2).sources());
        notPolled.set(0, new TickRecord.NotPolled("ss-tan-states", Duration.ofSeconds(2)));
        TickRecord t = ticks.get(2);
        TickRecord backedOff = new TickRecord(t.at(), t.monoNanos(), notPolled, t.snapshot(), t.verdicts());
        Kit.SmallDisk disk = new Kit.SmallDisk(20);
        RecordWriter w = new RecordWriter(tmp.resolve("z.syntop"), RecordWriter.Limits.defaults(), header, p -> disk,
                new Kit.ManualClock(), s -> { });
        w.tick(ticks.get(1)); // lost: no room for the header
        disk.capacity = Long.MAX_VALUE;
        w.tick(backedOff);
        w.close();
        assertEquals(table, Recording.of("carried", disk.data).tick(0).sources().get(0));
    }

    /** The real thing: a 64 KiB tmpfs (needs root and mount; skipped otherwise). */
    @Test
    void aRealFullFilesystem() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount a tmpfs");
        Path mnt = Files.createDirectory(tmp.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "syntop-test", mnt.toString()) == 0,
                "mount -t tmpfs failed (no CAP_SYS_ADMIN here?)");
        Path file = mnt.resolve("rec.syntop");
        List<String> said = new ArrayList<>();
        RecordWriter w = new RecordWriter(file, new RecordWriter.Limits(1L << 30, 0, Duration.ZERO), header,
                RecordWriter.files(), new Kit.ManualClock(), said::add);
        try {
            w.start();
            int written = 0;
            TickRecord refused = null;
            for (int i = 0; i < 200 && w.status().state() == RecordWriter.State.RECORDING; i++) {
                w.tick(ticks.get(i % ticks.size()));
                if (w.status().state() == RecordWriter.State.RECORDING) {
                    written++;
                } else {
                    refused = ticks.get(i % ticks.size());
                }
            }
            assertEquals(RecordWriter.State.PAUSED, w.status().state(), "64 KiB fills up");
            // the same tick again (a smaller one might still fit)
            w.tick(refused);
            w.tick(refused);
            assertEquals(1, said.size(), said::toString);
            assertTrue(said.get(0).contains("disk full (No space left on device)"), said.get(0));
            Recording full = Recording.open(file);
            assertEquals(written, full.size());
            assertEquals(List.of(), full.notes());

            // space returns: the operator empties the recording (keep it small in the test) and it goes on
            Files.write(file, new byte[0]);
            w.tick(ticks.get(2));
            assertEquals(RecordWriter.State.RECORDING, w.status().state());
            w.close();
            assertTrue(said.get(1).startsWith("recording resumed"), said.toString());
        } finally {
            w.close();
            if (run("umount", mnt.toString()) != 0) {
                run("umount", "-l", mnt.toString());
            }
        }
    }

    private static int run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
