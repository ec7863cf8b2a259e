package syntop.collectors.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.Fixtures;

class LogDeviceReaderTest {
    /** A device as /dev/kmsg behaves: one record a read, EPIPE where records were overwritten, then it blocks. */
    private static final class FakeDevice implements LogDeviceReader.RecordChannel {
        private final Deque<Object> script = new ArrayDeque<>();
        private final CountDownLatch blocked = new CountDownLatch(1);
        private final CountDownLatch closed = new CountDownLatch(1);

        FakeDevice record(String r) {
            script.add(r);
            return this;
        }

        FakeDevice overwritten() {
            script.add(new IOException("Broken pipe"));
            return this;
        }

        @Override
        public int read(ByteBuffer into) throws IOException {
            Object next = script.poll();
            if (next == null) {
                blocked.countDown();
                try {
                    // blocks as the device does once every record has been handed over, until closed
                    closed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("closed");
            }
            if (next instanceof IOException e) {
                throw e;
            }
            byte[] b = ((String) next).getBytes(StandardCharsets.UTF_8);
            into.put(b);
            return b.length;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    @Test
    void theFirstDrainTakesTheBacklogAndSaysWhenTheRingBufferOverwroteRecords() throws Exception {
        FakeDevice dev = new FakeDevice().record("6,1,10,-;first\n").overwritten()
                .record("6,9,90,-;ninth\n").record("6,10,95,-;tenth\n SUBSYSTEM=net\n");
        LogDeviceReader r = LogDeviceReader.start(dev, "fake");
        LogDeviceReader.Drained d = r.drain(System.nanoTime() + Duration.ofSeconds(5).toNanos());
        assertEquals("6,1,10,-;first\n6,9,90,-;ninth\n6,10,95,-;tenth\n SUBSYSTEM=net\n",
                new String(d.data(), StandardCharsets.UTF_8));
        assertEquals(List.of("the kernel overwrote records before they were read (ring buffer wrapped) 1 time"), d.notes());
        assertFalse(d.ended());
        assertTrue(dev.blocked.await(5, TimeUnit.SECONDS));
        // nothing new: a later drain returns at once with nothing, and the reader still waits on the device
        LogDeviceReader.Drained later = r.drain(System.nanoTime());
        assertEquals(0, later.data().length);
        assertEquals(List.of(), later.notes());
        r.close();
    }

    @Test
    void aFileIsReadToItsEndOnceAndThenGivesNothingNew(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("dev"));
        Files.createDirectories(dir.resolve("proc"));
        Files.copy(Fixtures.path("linux/6.18-lab-kmsg-ratelimit/dev/kmsg"), dir.resolve("dev/kmsg"));
        Files.copy(Fixtures.path("linux/6.18-lab-kmsg-ratelimit/proc/stat"), dir.resolve("proc/stat"));
        Source kmsg = new Source("dev-kmsg", new Acquisition.LogDevice("/dev/kmsg", List.of("/proc/stat")),
                t -> { throw new AssertionError("not parsed here"); }, Duration.ofSeconds(2), Source.Cost.CHEAP, true);
        Acquirer a = new Acquirer((argv, budget, max) -> { throw new AssertionError("no command"); }, new FsRoot(dir));
        RawOutput first = a.acquire(kmsg);
        assertEquals(RawOutput.Outcome.COMPLETED, first.outcome());
        assertEquals(List.of("/dev/kmsg", "/proc/stat"), first.parts().stream().map(RawPart::name).toList());
        assertEquals(Files.readString(dir.resolve("dev/kmsg")), new String(first.parts().get(0).data(), StandardCharsets.UTF_8));
        RawOutput second = a.acquire(kmsg);
        assertEquals(0, second.parts().get(0).data().length);
        assertEquals("/proc/stat", second.parts().get(1).name());
    }

    @Test
    void aMissingDeviceIsNotPresent(@TempDir Path dir) {
        Source kmsg = new Source("dev-kmsg", new Acquisition.LogDevice("/dev/kmsg", List.of()),
                t -> { throw new AssertionError(); }, Duration.ofSeconds(1), Source.Cost.CHEAP, true);
        RawOutput r = new Acquirer((argv, budget, max) -> { throw new AssertionError(); }, new FsRoot(dir)).acquire(kmsg);
        assertEquals(RawOutput.Outcome.NOT_FOUND, r.outcome());
        assertEquals("/dev/kmsg: not present on this system", r.detail());
    }
}
