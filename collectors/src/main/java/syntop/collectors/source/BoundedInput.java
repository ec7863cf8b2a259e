package syntop.collectors.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads that stop at a cap instead of filling the heap: a command's output, a saved file given to
 * {@code syntop parse}, a settings file. Whatever is over the cap is not read at all (a cut
 * connection table would give wrong counts), and the reader says so with {@link TooLargeException}.
 */
public final class BoundedInput {
    /**
     * The most one source's output may be: 128 MiB, or an eighth of the heap when that is less. Its
     * text is held about three times while it is read and parsed (the bytes, the decoded lines, the
     * buffer they grew in), and the console, the history and the recorder need the rest. With the
     * launcher's 96 MiB heap that is 12 MiB, about 150,000 rows of {@code ss}; a larger {@code -Xmx}
     * reads larger tables.
     */
    public static final long DEFAULT_CAP = Math.min(128L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8);

    private BoundedInput() {
    }

    /** Input over the cap; nothing of it is kept. */
    public static final class TooLargeException extends IOException {
        private final long cap;

        public TooLargeException(String what, long cap) {
            super(what + ": too large (over " + size(cap) + ")");
            this.cap = cap;
        }

        public long cap() {
            return cap;
        }
    }

    /** The whole stream, or {@link TooLargeException} as soon as it passes {@code cap} bytes. */
    public static byte[] readAll(InputStream in, long cap, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] chunk = new byte[65536];
        int n;
        while ((n = in.read(chunk)) > 0) {
            if (out.size() + (long) n > cap) {
                throw new TooLargeException(what, cap);
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /** A file's content, refused past {@code cap} bytes (a device such as /dev/zero included). */
    public static byte[] read(Path file, long cap) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readAll(in, cap, file.toString());
        }
    }

    /** {@code 12 MiB}, {@code 640 KiB}, {@code 100 bytes}. */
    public static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
