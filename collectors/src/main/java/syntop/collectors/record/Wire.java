package syntop.collectors.record;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The primitive encodings of the recording format (docs/recording-format.md): unsigned LEB128
 * varints, zig-zag signed varints, length-prefixed UTF-8 strings and byte strings. Reading is
 * bounds-checked: damaged input gives a {@link RecordingFormatException}, never an index error or a
 * huge allocation.
 */
final class Wire {
    private Wire() {
    }

    /** Appends values to a growing buffer. */
    static final class Out {
        private final ByteArrayOutputStream buf;

        Out() {
            this(256);
        }

        Out(int size) {
            buf = new ByteArrayOutputStream(size);
        }

        Out u8(int v) {
            buf.write(v & 0xff);
            return this;
        }

        Out bool(boolean b) {
            return u8(b ? 1 : 0);
        }

        /** An unsigned varint; negative values take ten bytes (use {@link #svar} for signed ones). */
        Out var(long v) {
            while ((v & ~0x7fL) != 0) {
                buf.write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            buf.write((int) v);
            return this;
        }

        Out svar(long v) {
            return var((v << 1) ^ (v >> 63));
        }

        Out i64(long v) {
            for (int i = 7; i >= 0; i--) {
                buf.write((int) (v >>> (i * 8)));
            }
            return this;
        }

        Out bytes(byte[] b) {
            var(b.length);
            buf.write(b, 0, b.length);
            return this;
        }

        Out str(String s) {
            return bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        Out raw(byte[] b) {
            buf.write(b, 0, b.length);
            return this;
        }

        int size() {
            return buf.size();
        }

        byte[] toByteArray() {
            return buf.toByteArray();
        }
    }

    /** Reads values from a buffer, checking every length against what is left. */
    static final class In {
        private final ByteBuffer b;

        In(byte[] data) {
            this(ByteBuffer.wrap(data));
        }

        In(ByteBuffer b) {
            this.b = b;
        }

        private void need(long n) {
            if (n < 0 || n > b.remaining()) {
                throw new RecordingFormatException("record ends early (needs " + n + " bytes, " + b.remaining() + " left)");
            }
        }

        int u8() {
            need(1);
            return b.get() & 0xff;
        }

        boolean bool() {
            int v = u8();
            if (v > 1) {
                throw new RecordingFormatException("bad boolean " + v);
            }
            return v == 1;
        }

        long var() {
            long v = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                int x = u8();
                v |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            throw new RecordingFormatException("varint longer than 10 bytes");
        }

        long svar() {
            long v = var();
            return (v >>> 1) ^ -(v & 1);
        }

        /** A count or length: a varint that must fit in what is left (each item takes at least one byte). */
        int count() {
            long n = var();
            need(n);
            return (int) n;
        }

        /** A varint that must be a valid int (ports, exit codes after zig-zag). */
        int svarInt() {
            long v = svar();
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new RecordingFormatException("value out of range: " + v);
            }
            return (int) v;
        }

        long i64() {
            need(8);
            return b.getLong();
        }

        byte[] bytes() {
            int n = count();
            byte[] out = new byte[n];
            b.get(out);
            return out;
        }

        String str() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        int remaining() {
            return b.remaining();
        }
    }
}
