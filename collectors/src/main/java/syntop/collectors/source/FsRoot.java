package syntop.collectors.source;

import java.io.IOException;
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
     * The whole file. Read as a stream to its end, not with {@link Files#readAllBytes}: /proc/sys
     * files report a size of 0, and on Linux 6.18 with JDK 17 readAllBytes then returns only their
     * first byte ("4" for a somaxconn of 4096).
     */
    public byte[] read(String absolutePath) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(resolve(absolutePath))) {
            return in.readAllBytes();
        }
    }

    public boolean exists(String absolutePath) {
        return Files.exists(resolve(absolutePath));
    }
}
