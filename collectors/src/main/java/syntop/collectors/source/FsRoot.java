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

    public byte[] read(String absolutePath) throws IOException {
        return Files.readAllBytes(resolve(absolutePath));
    }

    public boolean exists(String absolutePath) {
        return Files.exists(resolve(absolutePath));
    }
}
