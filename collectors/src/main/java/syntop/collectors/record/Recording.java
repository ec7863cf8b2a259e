package syntop.collectors.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One recording file, read: its header, an index of its ticks (time and place, decoded on demand),
 * and notes on what could not be read. A torn last record (the recorder was killed while writing it)
 * is skipped with a note; a damaged record in the middle is skipped up to the next intact one, and
 * nothing before it is lost.
 */
public final class Recording {
    /**
     * Something worth telling about the file: a remark or a gap the recorder noted (with its time), or
     * a torn or damaged record the reader found.
     *
     * @param problem ticks are missing (a gap, a torn or damaged record), not just a remark
     */
    public record Note(Optional<Instant> at, long offset, String text, boolean problem) {
        @Override
        public String toString() {
            return at.map(t -> t + ": ").orElse("") + text;
        }
    }

    private record Entry(int offset, int length, int flags, Instant at, long mono) {
    }

    /** How many bytes of checksum work a search for the next intact record may do before it gives up. */
    private static final long RESYNC_BUDGET = 256L << 20;

    private final String name;
    private final ByteBuffer data;
    private final RecordingHeader header;
    private final List<Entry> ticks;
    private final List<Note> notes;
    private final long size;

    private Recording(String name, ByteBuffer data, RecordingHeader header, List<Entry> ticks, List<Note> notes) {
        this.name = name;
        this.data = data;
        this.header = header;
        this.ticks = List.copyOf(ticks);
        this.notes = List.copyOf(notes);
        this.size = data.limit();
    }

    /** Reads a recording file (mapped, so a big file costs no heap). */
    public static Recording open(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long n = ch.size();
            if (n > Integer.MAX_VALUE) {
                throw new RecordingFormatException(file + ": larger than 2 GiB; record with a smaller --max-size");
            }
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, n);
            return parse(file.toString(), b);
        }
    }

    /** Reads a recording held in memory (a resource, a test). */
    public static Recording of(String name, byte[] data) {
        return parse(name, ByteBuffer.wrap(data));
    }

    /** The first {@code length} bytes of {@code data} as a recording, without copying (tests cut files this way). */
    static Recording of(String name, byte[] data, int length) {
        return parse(name, ByteBuffer.wrap(data, 0, length).slice());
    }

    public static Recording of(String name, InputStream in) throws IOException {
        return of(name, in.readAllBytes());
    }

    private static Recording parse(String name, ByteBuffer all) {
        List<Entry> ticks = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        try {
            RecordingFormat.checkPreamble(all.duplicate());
        } catch (RecordingFormatException e) {
            if (!headerFollowsPreamble(all)) {
                throw e;
            }
            // a damaged byte in the magic or the version: the header's own version field decides
            notes.add(new Note(Optional.empty(), 0, "the file's first " + RecordingFormat.PREAMBLE_SIZE
                    + " bytes are damaged (" + e.getMessage() + "); read by its header", true));
        }
        RecordingHeader header = null;
        ByteBuffer headerPayload = null;
        boolean headerDamaged = false;
        int pos = RecordingFormat.PREAMBLE_SIZE;
        int end = all.limit();
        while (pos < end) {
            int frameEnd = intactFrameEnd(all, pos, end);
            if (frameEnd < 0) {
                int next = resync(all, pos + 1, end);
                if (next < 0) {
                    notes.add(new Note(Optional.empty(), pos, "the last record is cut short (" + (end - pos)
                            + " bytes): skipped; the recorder was probably stopped while writing it", true));
                    break;
                }
                notes.add(new Note(Optional.empty(), pos, (next - pos) + " damaged bytes at offset " + pos
                        + " skipped" + (header == null ? " (the header; its copy is read)" : ""), true));
                headerDamaged |= header == null;
                pos = next;
                continue;
            }
            int type = all.get(pos) & 0xff;
            int flags = all.get(pos + 1) & 0xff;
            int len = all.getInt(pos + 2);
            int payload = pos + RecordingFormat.FRAME_HEAD_SIZE;
            try {
                Wire.In in = new Wire.In(all.duplicate().position(payload).limit(payload + len).slice());
                ByteBuffer bytes = all.duplicate().position(payload).limit(payload + len);
                if (type == RecordingFormat.TYPE_HEADER) {
                    if (header == null) {
                        header = Codec.header(in);
                        headerPayload = bytes;
                    } else if (!bytes.equals(headerPayload)) {
                        // (a file holds its header twice: the copy is not news)
                        notes.add(new Note(Optional.empty(), pos, "a second header at offset " + pos + " ignored", true));
                    }
                } else if (header == null) {
                    throw new RecordingFormatException(headerDamaged
                            ? "the header is damaged and the file holds no intact copy of it (files written before "
                                    + "syntop kept a copy have one header only)"
                            : "a record before the header");
                } else if (type == RecordingFormat.TYPE_TICK) {
                    Instant at = RecordingFormat.instant(in);
                    long mono = in.i64();
                    ticks.add(new Entry(payload, len, flags, at, mono));
                } else {
                    Instant at = RecordingFormat.instant(in);
                    int kind = in.u8();
                    notes.add(new Note(Optional.of(at), pos, in.str(), kind != RecordingFormat.NOTE_INFO));
                }
            } catch (RecordingFormatException e) {
                if (header == null && type == RecordingFormat.TYPE_HEADER && !headerDamaged) {
                    // intact on disk but not readable: the copy after it may be
                    notes.add(new Note(Optional.empty(), pos, "the header at offset " + pos + " cannot be read ("
                            + e.getMessage() + "); its copy is read", true));
                    headerDamaged = true;
                    pos = frameEnd;
                    continue;
                }
                if (header == null) {
                    throw new RecordingFormatException(name + ": the header cannot be read: " + e.getMessage());
                }
                notes.add(new Note(Optional.empty(), pos, "record at offset " + pos + " skipped: " + e.getMessage(), true));
            }
            pos = frameEnd;
        }
        if (header == null) {
            throw new RecordingFormatException(name + ": no header (the file holds no complete record)");
        }
        return new Recording(name, all, header, ticks, notes);
    }

    /** True when an intact header frame of a version this code reads starts right after the preamble. */
    private static boolean headerFollowsPreamble(ByteBuffer all) {
        int pos = RecordingFormat.PREAMBLE_SIZE;
        int frameEnd = intactFrameEnd(all, pos, all.limit());
        if (frameEnd < 0 || (all.get(pos) & 0xff) != RecordingFormat.TYPE_HEADER) {
            return false;
        }
        int payload = pos + RecordingFormat.FRAME_HEAD_SIZE;
        try {
            Wire.In in = new Wire.In(all.duplicate().position(payload).limit(frameEnd).slice());
            return Codec.HEADER_TAG.equals(in.str()) && in.var() <= RecordingFormat.VERSION;
        } catch (RecordingFormatException e) {
            return false;
        }
    }

    /** The end of an intact frame at {@code pos}, or -1 when there is none (cut short, wrong checksum, not a frame). */
    private static int intactFrameEnd(ByteBuffer all, int pos, int end) {
        if (end - pos < RecordingFormat.FRAME_HEAD_SIZE) {
            return -1;
        }
        int type = all.get(pos) & 0xff;
        int flags = all.get(pos + 1) & 0xff;
        long len = all.getInt(pos + 2) & 0xffffffffL;
        if (!RecordingFormat.knownType(type) || (flags & ~RecordingFormat.FLAG_DEFLATED) != 0
                || len > RecordingFormat.MAX_PAYLOAD || len > end - pos - RecordingFormat.FRAME_HEAD_SIZE) {
            return -1;
        }
        int payload = pos + RecordingFormat.FRAME_HEAD_SIZE;
        int crc = RecordingFormat.crc(type, flags, (int) len,
                all.duplicate().position(payload).limit(payload + (int) len));
        return crc == all.getInt(pos + 6) ? payload + (int) len : -1;
    }

    /** The next offset at or after {@code from} where an intact frame starts, or -1. */
    private static int resync(ByteBuffer all, int from, int end) {
        long work = 0;
        for (int p = from; p + RecordingFormat.FRAME_HEAD_SIZE <= end && work < RESYNC_BUDGET; p++) {
            int type = all.get(p) & 0xff;
            if (!RecordingFormat.knownType(type)) {
                continue;
            }
            long len = all.getInt(p + 2) & 0xffffffffL;
            work += Math.min(len, end - p);
            if (intactFrameEnd(all, p, end) >= 0) {
                return p;
            }
        }
        return -1;
    }

    public String name() {
        return name;
    }

    public RecordingHeader header() {
        return header;
    }

    /** How many ticks the file holds (intact ones). */
    public int size() {
        return ticks.size();
    }

    public boolean isEmpty() {
        return ticks.isEmpty();
    }

    public Instant at(int i) {
        return ticks.get(i).at();
    }

    public long mono(int i) {
        return ticks.get(i).mono();
    }

    /** Bytes in the file. */
    public long bytes() {
        return size;
    }

    /** Decodes tick {@code i}; a {@link RecordingFormatException} when its body is not readable. */
    public TickRecord tick(int i) {
        Entry e = ticks.get(i);
        Wire.In in = new Wire.In(data.duplicate().position(e.offset()).limit(e.offset() + e.length()).slice());
        Instant at = RecordingFormat.instant(in);
        long mono = in.i64();
        long bodyLen = in.var();
        if (bodyLen > RecordingFormat.MAX_PAYLOAD) {
            throw new RecordingFormatException("bad body size " + bodyLen);
        }
        ByteBuffer rest = data.duplicate().position(e.offset() + e.length() - in.remaining())
                .limit(e.offset() + e.length()).slice();
        Wire.In body;
        if ((e.flags() & RecordingFormat.FLAG_DEFLATED) != 0) {
            body = new Wire.In(RecordingFormat.inflate(rest, (int) bodyLen));
        } else {
            body = new Wire.In(rest.limit((int) Math.min(rest.limit(), bodyLen)));
        }
        return Codec.tickBody(body, at, mono, header.host(), header.formatVersion());
    }

    /** Torn and damaged records, and the gaps the recorder noted (e.g. while the disk was full). */
    public List<Note> notes() {
        return notes;
    }
}
