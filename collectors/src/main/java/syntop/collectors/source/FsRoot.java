package syntop.collectors.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where absolute paths such as {@code /proc/net/tcp} are read from: {@code /} on a live machine, a
 * capture or fixture directory in tests and replays.
 */
public record FsRoot(Path root) {
    public static FsRoot live() {
        return new FsRoot(Path.of("/"));
    }

    public Path resolve(String absolutePath) {
        String rel = absolutePath.startsWith("/") ? absolutePath.substring(1) : absolutePath;
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root.normalize())) {
            throw new IllegalArgumentException("path escapes the root: " + absolutePath);
        }
        return p;
    }

    private static final int FIRST_READ = 16 * 1024;
    /**
     * A first read that returns less than this was the whole file, and the read that would only see its
     * end is skipped. Each read of /proc/net/tcp walks the kernel's whole connection hash (262,144
     * buckets here, about 0.6 ms even when empty), so an idle table costs half as much read once.
     * Sound because a short read ends only at the end of a regular file, and a /proc seq file fills a
     * read up to its page (4 KiB, records of at most a few hundred bytes) unless it has run out.
     */
    private static final int WHOLE_BELOW = 2 * 1024;

    /**
     * The whole file, asked for in large reads. Not {@link Files#readAllBytes}: for a file that reports
     * size 0 it reads one byte first, and the kernel's integer sysctls (/proc/sys/net/core/somaxconn)
     * answer a read that does not start at offset 0 with end of file, leaving "4" of "4096".
     */
    public byte[] read(String absolutePath) throws IOException {
        return read(absolutePath, BoundedInput.DEFAULT_CAP);
    }

    /** {@link #read(String)}, refused with {@link BoundedInput.TooLargeException} past {@code cap} bytes. */
    public byte[] read(String absolutePath, long cap) throws IOException {
        try (InputStream in = Files.newInputStream(resolve(absolutePath))) {
            byte[] first = new byte[FIRST_READ];
            int n = in.read(first, 0, first.length);
            if (n < 0) {
                return new byte[0];
            }
            if (n > cap) {
                throw new BoundedInput.TooLargeException(absolutePath, cap);
            }
            if (n < WHOLE_BELOW) {
                return Arrays.copyOf(first, n);
            }
            byte[] rest;
            try {
                rest = BoundedInput.readAll(in, cap - n, absolutePath);
            } catch (BoundedInput.TooLargeException e) {
                throw new BoundedInput.TooLargeException(absolutePath, cap);
            }
            byte[] all = Arrays.copyOf(first, n + rest.length);
            System.arraycopy(rest, 0, all, n, rest.length);
            return all;
        }
    }

    public boolean exists(String absolutePath) {
        return Files.exists(resolve(absolutePath));
    }
}
