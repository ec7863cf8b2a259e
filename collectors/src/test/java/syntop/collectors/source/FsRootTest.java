package syntop.collectors.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class FsRootTest {
    /** Integer sysctls end the file after any read that does not start at offset 0; the whole value must come back. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void readsAWholeSysctlLikeCat() throws Exception {
        byte[] ours = FsRoot.live().read("/proc/sys/net/core/somaxconn");
        Process cat = new ProcessBuilder("cat", "/proc/sys/net/core/somaxconn").start();
        byte[] theirs = cat.getInputStream().readAllBytes();
        assertTrue(cat.waitFor() == 0);
        assertArrayEquals(theirs, ours);
        assertTrue(ours.length >= 2, new String(ours));
    }

    @Test
    void readsUnderItsRootOnly(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("proc/net"));
        Files.writeString(dir.resolve("proc/net/tcp"), "x\n");
        FsRoot root = new FsRoot(dir);
        assertArrayEquals("x\n".getBytes(), root.read("/proc/net/tcp"));
        assertThrows(IllegalArgumentException.class, () -> root.read("/../etc/passwd"));
    }
}
