package syntop.collectors.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import syntop.collectors.threads.Daemons;

/**
 * Reads a kernel log device ({@code /dev/kmsg}) record by record on a thread of its own, so that a
 * tick takes what has arrived without ever waiting on the device. The JDK cannot open a file
 * non-blocking; a read of /dev/kmsg blocks once every record has been handed over, so that read runs
 * here and {@link #drain} only collects.
 *
 * <p>Each read(2) of /dev/kmsg returns exactly one record ({@code prio,seq,usec,flags;text\n} and its
 * continuation lines) or fails with EPIPE when the records the reader was about to read were
 * overwritten (the ring buffer wrapped); the kernel then moves the reader to the oldest record it still
 * holds, so reading simply goes on (Documentation/ABI/testing/dev-kmsg in the Linux sources). A regular
 * file (a capture, a test) is read to its end in chunks; the caller sees the same bytes either way.
 *
 * <p>Bounded: at most {@link #MAX_PENDING} records wait between two drains; older ones are dropped
 * and counted. Kernels print a few records a second at most, rate-limited.
 */
public final class LogDeviceReader {
    /** Records kept between two drains; the first drain takes the whole backlog, up to this many. */
    public static final int MAX_PENDING = 10_000;
    /** A kmsg record with its continuation lines is at most 8 KiB (CONSOLE_EXT_LOG_MAX); a shorter buffer gets EINVAL. */
    static final int READ_SIZE = 16 * 1024;
    /**
     * The first drain waits until no record has arrived for this long: the device hands over its
     * backlog at memory speed, so a pause this long means the reader has caught up and blocks.
     */
    static final Duration QUIET = Duration.ofMillis(25);

    /** The reads this reader makes, one record (or chunk) each; the device's channel, or a test's. */
    public interface RecordChannel {
        /** Reads into {@code into}; -1 at the end of a regular file. */
        int read(ByteBuffer into) throws IOException;

        void close() throws IOException;
    }

    /** What arrived since the last drain. */
    public record Drained(byte[] data, List<String> notes, boolean ended, String failure) {
        public Drained {
            notes = List.copyOf(notes);
        }
    }

    private final RecordChannel channel;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private long overwritten;
    private long dropped;
    private boolean ended;
    private String failure = "";
    private long lastArrivalNanos;
    private boolean drainedOnce;
    private final Thread thread;

    private LogDeviceReader(RecordChannel channel, String name) {
        this.channel = channel;
        this.lastArrivalNanos = System.nanoTime();
        this.thread = Daemons.thread("syntop-log-" + name, this::readLoop);
    }

    /** Opens the device (a refusal surfaces here, as the exception the OS gave) and starts reading. */
    public static LogDeviceReader open(Path device) throws IOException {
        FileChannel ch = FileChannel.open(device, StandardOpenOption.READ);
        return start(new RecordChannel() {
            @Override
            public int read(ByteBuffer into) throws IOException {
                return ch.read(into);
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        }, device.getFileName() == null ? "device" : device.getFileName().toString());
    }

    /** A reader over any channel (tests give one that fails as the device does). */
    public static LogDeviceReader start(RecordChannel channel, String name) {
        LogDeviceReader r = new LogDeviceReader(channel, name);
        r.thread.start();
        return r;
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(READ_SIZE);
        while (true) {
            buf.clear();
            int n;
            try {
                n = channel.read(buf);
            } catch (IOException e) {
                if (overwrittenRecords(e)) {
                    synchronized (this) {
                        overwritten++;
                    }
                    continue;
                }
                finish(e.getMessage() == null ? e.toString() : e.getMessage());
                return;
            }
            if (n <= 0) {
                // the end of a regular file (a device blocks instead); 0 cannot come from a blocking read
                finish("");
                return;
            }
            byte[] rec = new byte[n];
            buf.flip();
            buf.get(rec);
            synchronized (this) {
                if (pending.size() >= MAX_PENDING) {
                    pending.removeFirst();
                    dropped++;
                }
                pending.addLast(rec);
                lastArrivalNanos = System.nanoTime();
                notifyAll();
            }
        }
    }

    /** EPIPE: the records at the reader's position were overwritten before it read them. */
    private static boolean overwrittenRecords(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }

    private synchronized void finish(String why) {
        ended = true;
        failure = why;
        notifyAll();
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more is read either way
        }
    }

    /**
     * Takes what arrived since the last drain. The first drain waits until the backlog has been read
     * (a first record, then none for {@link #QUIET}; or the end of a file), but never past {@code deadlineNanos}
     * ({@link System#nanoTime()} scale); later drains never wait.
     */
    public synchronized Drained drain(long deadlineNanos) {
        if (!drainedOnce) {
            drainedOnce = true;
            while (!ended) {
                long now = System.nanoTime();
                // before the first record has come, the thread may not even have started reading
                long quietLeft = pending.isEmpty() ? deadlineNanos - now : lastArrivalNanos + QUIET.toNanos() - now;
                long left = Math.min(quietLeft, deadlineNanos - now);
                if (left <= 0) {
                    break;
                }
                try {
                    wait(Math.max(1, left / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        int size = 0;
        for (byte[] b : pending) {
            size += b.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] b : pending) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        pending.clear();
        List<String> notes = new ArrayList<>();
        if (overwritten > 0) {
            notes.add("the kernel overwrote records before they were read (ring buffer wrapped) " + overwritten
                    + (overwritten == 1 ? " time" : " times"));
        }
        if (dropped > 0) {
            notes.add(dropped + " records dropped unread: more than " + MAX_PENDING + " arrived between two reads");
        }
        overwritten = 0;
        dropped = 0;
        return new Drained(out, notes, ended, failure);
    }

    /** Stops reading (the thread ends at its next read, or now when the channel's close wakes it). */
    public void close() {
        finish("");
        thread.interrupt();
    }
}
