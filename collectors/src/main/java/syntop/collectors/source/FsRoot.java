package syntop.collectors.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /**
     * The whole file. Read through a stream with a large first read, not {@link Files#readAllBytes}: for
     * a file that reports size 0 (all of /proc) that reads one byte first, and a /proc/sys file read
     * from offset 1 ends there ({@code somaxconn} 4096 would read as "4").
     */
    public byte[] read(String absolutePath) throws IOException {
        try (InputStream in = Files.newInputStream(resolve(absolutePath))) {
            return in.readAllBytes();
        }
    }

    public boolean exists(String absolutePath) {
        return Files.exists(resolve(absolutePath));
    }
}
