package syntop.collectors.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Appends records to a recording file, one write per record, and rotates it: when the next record
 * would pass {@code maxSize}, or the file is older than {@code maxAge}, FILE becomes FILE.1 (FILE.1
 * becomes FILE.2, …) and only {@code keep} old files are kept, so the disk holds at most
 * {@code (keep + 1) × maxSize} (plus one record). A failed write (the disk is full) is cut back so
 * the file stays readable; the writer says so once, drops ticks while it lasts, tries again on each
 * tick, and when a write succeeds again notes the gap in the file. Not thread-safe: one thread writes.
 */
public final class RecordWriter implements AutoCloseable {
    /** Rotation: the size of one file, how many old files to keep, the age at which a file is rotated (zero: never). */
    public record Limits(long maxSize, int keep, Duration maxAge) {
        public Limits {
            if (maxSize < 1) {
                throw new IllegalArgumentException("maxSize must be positive");
            }
            if (keep < 0) {
                throw new IllegalArgumentException("keep must be 0 or more");
            }
            Objects.requireNonNull(maxAge);
        }

        public static Limits defaults() {
            return new Limits(64L << 20, 4, Duration.ZERO);
        }

        /** The most disk the recording can take: every kept file full, plus the current one. */
        public long bound() {
            return (keep + 1) * maxSize;
        }
    }

    /** Where the bytes go; a file channel in production, a failing one in tests. */
    public interface Sink extends AutoCloseable {
        long size() throws IOException;

        void write(ByteBuffer b) throws IOException;

        void truncate(long size) throws IOException;

        void force() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Opens (creating if needed) the sink for a path, positioned at its end. */
    public interface Opener {
        Sink open(Path file) throws IOException;
    }

    public enum State {
        /** Recording. */
        RECORDING,
        /** The last write failed; ticks are dropped until one succeeds. */
        PAUSED,
        /** Closed. */
        CLOSED
    }

    /**
     * @param state   recording, paused (with the reason) or closed
     * @param reason  why it is paused, e.g. "disk full"
     * @param lost    ticks not recorded in the current pause
     * @param file    the file written now
     * @param written ticks written since the start
     */
    public record Status(State state, String reason, long lost, Path file, long written) {
    }

    private static final Duration FORCE_EVERY = Duration.ofSeconds(5);

    private final Path file;
    private final Limits limits;
    private final RecordingHeader header;
    private final Opener opener;
    private final Clock clock;
    private final Consumer<String> say;
    private final Rotation rotation;
    private Sink sink;
    /**
     * Each source's last polled entry, by its place in a tick (one entry per platform source, in order;
     * the entry's own id may be a stand-in's): carried into the first tick of a new file.
     */
    private final Map<Integer, TickRecord.SourceEntry> lastPolled = new HashMap<>();
    private long size;
    private Instant fileStarted;
    private Instant lastForce;
    private boolean dirty;
    private long written;
    private long lost;
    private Instant lostSince;
    private String pauseReason = "";
    private volatile Status status;

    /**
     * @param say told once when recording pauses and once when it resumes (stderr, the console status)
     */
    public RecordWriter(Path file, Limits limits, RecordingHeader header, Opener opener, Clock clock,
                        Consumer<String> say) {
        this.file = file;
        this.limits = limits;
        this.header = header;
        this.opener = opener;
        this.clock = clock;
        this.say = say;
        this.rotation = new Rotation(file, limits.keep());
        this.status = new Status(State.RECORDING, "", 0, file, 0);
    }

    /** The production opener: a file channel, locked so that two recorders never write one file. */
    public static Opener files() {
        return FileSink::open;
    }

    /**
     * Checks that FILE can be written before the first tick: its folder exists, and no other syntop
     * records to it. An existing recording is rotated away first (to FILE.1), never appended to.
     *
     * @throws IOException a problem the operator must fix (not a full disk: that only pauses recording)
     */
    public void start() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such folder");
        }
        if (Files.exists(file) && Files.size(file) > 0) {
            // refuse before renaming anything if another recorder holds it
            opener.open(file).close();
            rotation.rotate();
        }
    }

    public Status status() {
        return status;
    }

    /** Appends one tick, rotating first when the file is full or old. Never throws on I/O failure. */
    public void tick(TickRecord t) {
        byte[] frame = Codec.tickFrame(t);
        if (sink == null || shouldRotate(frame.length, t.at())) {
            // the first tick of a file carries the last reading of each source not polled in it, so the
            // file replays whole even when the files before it are gone
            frame = Codec.tickFrame(withCarriedReadings(t));
        }
        for (int i = 0; i < t.sources().size(); i++) {
            TickRecord.SourceEntry e = t.sources().get(i);
            if (!(e instanceof TickRecord.NotPolled)) {
                lastPolled.put(i, e);
            }
        }
        if (!append(frame, t.at())) {
            if (lost++ == 0) {
                lostSince = t.at();
            }
        } else {
            written++;
        }
        publish();
    }

    private TickRecord withCarriedReadings(TickRecord t) {
        List<TickRecord.SourceEntry> entries = new ArrayList<>(t.sources().size());
        for (int i = 0; i < t.sources().size(); i++) {
            TickRecord.SourceEntry e = t.sources().get(i);
            TickRecord.SourceEntry carried = e instanceof TickRecord.NotPolled ? lastPolled.get(i) : null;
            entries.add(carried != null ? carried : e);
        }
        return new TickRecord(t.at(), t.monoNanos(), entries, t.snapshot(), t.verdicts());
    }

    /** Appends a remark (e.g. "recording stopped: …"). */
    public void note(String text) {
        append(Codec.noteFrame(clock.instant(), RecordingFormat.NOTE_INFO, text), clock.instant());
        publish();
    }

    /** Appends a note that ticks are missing (e.g. dropped because the disk was slow). */
    public void gap(String text) {
        append(Codec.noteFrame(clock.instant(), RecordingFormat.NOTE_GAP, text), clock.instant());
        publish();
    }

    private boolean append(byte[] frame, Instant at) {
        try {
            if (sink != null && shouldRotate(frame.length, at)) {
                closeSink();
                rotation.rotate();
            }
            if (sink == null) {
                openFresh(at);
            }
            if (lost > 0) {
                // the note on the gap and the record after it go in one write: both land, or neither
                String gap = lost + " tick" + (lost == 1 ? "" : "s") + " not recorded from " + lostSince + " to " + at
                        + " (" + pauseReason + ")";
                byte[] note = Codec.noteFrame(clock.instant(), RecordingFormat.NOTE_GAP, gap);
                byte[] both = java.util.Arrays.copyOf(note, note.length + frame.length);
                System.arraycopy(frame, 0, both, note.length, frame.length);
                frame = both;
            }
            write(frame);
            if (lost > 0 || status.state() == State.PAUSED) {
                say.accept("recording resumed" + (lost > 0 ? " after " + lost + " lost tick" + (lost == 1 ? "" : "s") : "")
                        + ": " + file);
                lost = 0;
                pauseReason = "";
            }
            forceNowAndThen();
            return true;
        } catch (IOException | RuntimeException e) {
            String reason = reason(e);
            if (pauseReason.isEmpty()) {
                say.accept("recording paused: " + reason + " writing " + file
                        + "; monitoring goes on, and recording resumes when the write succeeds");
            }
            pauseReason = reason;
            return false;
        }
    }

    /** By size, or by age measured in tick time (the first record's time in the file to this one's). */
    private boolean shouldRotate(int next, Instant at) {
        if (size <= headerEnd) {
            return false; // a file always gets at least one tick, even one larger than maxSize
        }
        if (size + next > limits.maxSize()) {
            return true;
        }
        return !limits.maxAge().isZero() && fileStarted != null
                && Duration.between(fileStarted, at).compareTo(limits.maxAge()) >= 0;
    }

    private long headerEnd;

    private void openFresh(Instant firstRecord) throws IOException {
        Sink s = opener.open(file);
        if (s.size() > 0) {
            // something is there already (start() was not called): keep it as FILE.1, never write over it
            closeQuietly(s);
            rotation.rotate();
            s = opener.open(file);
        }
        try {
            Instant now = clock.instant();
            byte[] head = RecordingFormat.frame(RecordingFormat.TYPE_HEADER, 0, Codec.header(header.withCreated(now)));
            // the header twice: every tick needs it, so one damaged byte in it must not cost the file
            ByteBuffer b = ByteBuffer.allocate(RecordingFormat.PREAMBLE_SIZE + 2 * head.length);
            b.put(RecordingFormat.preamble()).put(head).put(head).flip();
            sink = s;
            size = 0;
            write(b.array());
            headerEnd = size;
            fileStarted = firstRecord;
        } catch (IOException | RuntimeException e) {
            sink = null;
            try {
                s.truncate(0);
            } catch (IOException | RuntimeException ignored) {
                // the next attempt truncates again
            }
            closeQuietly(s);
            throw e;
        }
    }

    /** Writes all of {@code bytes}; on failure cuts the file back to the last whole record. */
    private void write(byte[] bytes) throws IOException {
        long before = size;
        ByteBuffer b = ByteBuffer.wrap(bytes);
        try {
            while (b.hasRemaining()) {
                sink.write(b);
            }
            size += bytes.length;
            dirty = true;
        } catch (IOException | RuntimeException e) {
            try {
                sink.truncate(before);
            } catch (IOException | RuntimeException cut) {
                // a torn record at the end is still skipped by the reader
            }
            throw e;
        }
    }

    private void forceNowAndThen() {
        Instant now = clock.instant();
        if (lastForce == null || Duration.between(lastForce, now).compareTo(FORCE_EVERY) >= 0) {
            lastForce = now;
            try {
                sink.force();
                dirty = false;
            } catch (IOException e) {
                // data stays in the page cache; the next force tries again
            }
        }
    }

    private void closeSink() {
        if (sink == null) {
            return;
        }
        try {
            if (dirty) {
                sink.force();
            }
        } catch (IOException e) {
            // closing anyway
        }
        closeQuietly(sink);
        sink = null;
        dirty = false;
    }

    private static void closeQuietly(Sink s) {
        try {
            s.close();
        } catch (IOException | RuntimeException e) {
            // nothing more to do
        }
    }

    private void publish() {
        status = new Status(pauseReason.isEmpty() ? State.RECORDING : State.PAUSED, pauseReason, lost, file, written);
    }

    /** Words for a failed write: "disk full" for ENOSPC and quotas, else the message. */
    static String reason(Throwable e) {
        String m = String.valueOf(e.getMessage());
        String l = m.toLowerCase(Locale.ROOT);
        if (l.contains("no space left") || l.contains("disk quota") || l.contains("file too large")) {
            return "disk full (" + m + ")";
        }
        return m;
    }

    /** Writes a closing note when asked, forces the data to disk and closes. */
    public void close(String closingNote) {
        if (closingNote != null && sink != null && pauseReason.isEmpty()) {
            append(Codec.noteFrame(clock.instant(), RecordingFormat.NOTE_INFO, closingNote), clock.instant());
        }
        if (lost > 0 && written == 0) {
            say.accept("nothing was recorded: " + lost + " tick" + (lost == 1 ? "" : "s") + " lost (" + pauseReason
                    + "); " + file + (removeIfEmpty() ? " was removed" : " holds no tick"));
        } else if (lost > 0) {
            say.accept(lost + " tick" + (lost == 1 ? "" : "s") + " not recorded since " + lostSince + " (" + pauseReason
                    + ")");
        }
        closeSink();
        status = new Status(State.CLOSED, pauseReason, lost, file, written);
    }

    /** Deletes FILE when it is an empty regular file (this writer created it and could write nothing). */
    private boolean removeIfEmpty() {
        closeSink();
        try {
            if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.size(file) == 0) {
                Files.delete(file);
                return true;
            }
        } catch (IOException e) {
            // it stays, empty
        }
        return false;
    }

    @Override
    public void close() {
        close(null);
    }
}
