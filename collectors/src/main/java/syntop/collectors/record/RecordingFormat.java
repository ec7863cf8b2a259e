package syntop.collectors.record;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The file layout (docs/recording-format.md): an 10-byte preamble, then frames. Each frame is a
 * 10-byte frame head (type, flags, payload length, CRC-32C) and its payload. A tick frame's body is
 * deflated. A frame is written with one write, so a crash leaves at most the last one torn.
 */
public final class RecordingFormat {
    /**
     * The format version this code writes and the newest it reads: 2 adds each listener's owner and
     * a reading's owner listing to the tick body; version 1 files are read without them.
     */
    public static final int VERSION = 2;
    /** {@code 0x89 'S' 'Y' 'N' 'T' 'O' 'P' '\n'}: the high byte keeps text tools away, the newline catches CRLF damage. */
    static final byte[] MAGIC = {(byte) 0x89, 'S', 'Y', 'N', 'T', 'O', 'P', '\n'};
    static final int PREAMBLE_SIZE = MAGIC.length + 2;
    static final int FRAME_HEAD_SIZE = 10;

    static final int TYPE_HEADER = 'H';
    static final int TYPE_TICK = 'T';
    static final int TYPE_NOTE = 'N';

    /** Flag: the frame's body is raw deflate (RFC 1951) data. */
    static final int FLAG_DEFLATED = 1;

    /** The largest payload accepted; anything bigger is damage. */
    static final long MAX_PAYLOAD = 1L << 30;
    /** A tick's standard error is stored up to this many bytes. */
    public static final int STDERR_CAP = 4096;

    private RecordingFormat() {
    }

    static byte[] preamble() {
        byte[] p = Arrays.copyOf(MAGIC, PREAMBLE_SIZE);
        p[MAGIC.length] = (byte) (VERSION >>> 8);
        p[MAGIC.length + 1] = (byte) VERSION;
        return p;
    }

    /** The format version in a preamble, or a {@link RecordingFormatException} when it is not one. */
    static int checkPreamble(ByteBuffer b) {
        if (b.remaining() < PREAMBLE_SIZE) {
            throw new RecordingFormatException("not a syntop recording (too short)");
        }
        byte[] m = new byte[MAGIC.length];
        b.get(m);
        if (!Arrays.equals(m, MAGIC)) {
            throw new RecordingFormatException("not a syntop recording (no syntop magic at the start)");
        }
        int version = ((b.get() & 0xff) << 8) | (b.get() & 0xff);
        if (version < 1 || version > VERSION) {
            throw new RecordingFormatException("recording format " + version + " is newer than this syntop reads ("
                    + VERSION + "); use a newer syntop");
        }
        return version;
    }

    /** One whole frame: head and payload, ready for a single write. */
    static byte[] frame(int type, int flags, byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("record too large: " + payload.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate(FRAME_HEAD_SIZE + payload.length);
        b.put((byte) type).put((byte) flags).putInt(payload.length);
        b.putInt(crc(type, flags, payload.length, payload, 0, payload.length));
        b.put(payload);
        return b.array();
    }

    static int crc(int type, int flags, int length, byte[] data, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(type);
        c.update(flags);
        c.update(ByteBuffer.allocate(4).putInt(length).array());
        c.update(data, off, len);
        return (int) c.getValue();
    }

    static int crc(int type, int flags, int length, ByteBuffer payload) {
        CRC32C c = new CRC32C();
        c.update(type);
        c.update(flags);
        c.update(ByteBuffer.allocate(4).putInt(length).array());
        c.update(payload);
        return (int) c.getValue();
    }

    static boolean knownType(int type) {
        return type == TYPE_HEADER || type == TYPE_TICK || type == TYPE_NOTE;
    }

    /** Tick payload: uncompressed time prefix (for indexing), then the (deflated) body. */
    static byte[] tickPayload(Instant at, long mono, byte[] body, boolean deflate, int level) {
        Wire.Out w = new Wire.Out(body.length / 4 + 32);
        w.i64(at.getEpochSecond()).var(at.getNano()).i64(mono);
        w.var(body.length);
        w.raw(deflate ? deflate(body, level) : body);
        return w.toByteArray();
    }

    /** Note kinds: a remark (e.g. why recording stopped), or ticks missing from the file (a gap). */
    static final int NOTE_INFO = 0;
    static final int NOTE_GAP = 1;

    /** Note payload: time, kind, then the text. */
    static byte[] notePayload(Instant at, int kind, String text) {
        return new Wire.Out().i64(at.getEpochSecond()).var(at.getNano()).u8(kind).str(text).toByteArray();
    }

    static Instant instant(Wire.In in) {
        long sec = in.i64();
        long nano = in.var();
        if (nano >= 1_000_000_000L) {
            throw new RecordingFormatException("bad nanoseconds " + nano);
        }
        try {
            return Instant.ofEpochSecond(sec, nano);
        } catch (RuntimeException e) {
            throw new RecordingFormatException("bad time " + sec);
        }
    }

    static byte[] deflate(byte[] data, int level) {
        Deflater d = new Deflater(level, true);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
            byte[] chunk = new byte[65536];
            while (!d.finished()) {
                int n = d.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    static byte[] inflate(ByteBuffer compressed, int expected) {
        if (expected < 0 || expected > MAX_PAYLOAD) {
            throw new RecordingFormatException("bad body size " + expected);
        }
        Inflater inf = new Inflater(true);
        try {
            byte[] in = new byte[compressed.remaining()];
            compressed.get(in);
            inf.setInput(in);
            byte[] out = new byte[expected];
            int n = 0;
            while (n < expected) {
                int k = inf.inflate(out, n, expected - n);
                if (k == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += k;
            }
            if (n != expected) {
                throw new RecordingFormatException("body inflates to " + n + " bytes, expected " + expected);
            }
            return out;
        } catch (DataFormatException e) {
            throw new RecordingFormatException("body does not inflate: " + e.getMessage());
        } finally {
            inf.end();
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
