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
    @Test
    @EnabledOnOs(OS.LINUX)
    void aFileOverTheCapIsRefusedNotReadToTheEnd() {
        BoundedInput.TooLargeException e = org.junit.jupiter.api.Assertions.assertThrows(
                BoundedInput.TooLargeException.class, () -> FsRoot.live().read("/dev/zero", 1024 * 1024));
        assertTrue(e.getMessage().equals("/dev/zero: too large (over 1 MiB)"),
                e.getMessage());
    }

    @Test
    void aFileAtTheCapIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.write(dir.resolve("f"), new byte[100_000]);
        assertTrue(new FsRoot(dir).read("/f", 100_000).length == 100_000);
        org.junit.jupiter.api.Assertions.assertThrows(BoundedInput.TooLargeException.class,
                () -> new FsRoot(dir).read("/f", 99_999));
    }

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

    @Test
    void readsWholeFilesOfEverySize(@TempDir Path dir) throws Exception {
        FsRoot root = new FsRoot(dir);
        for (int size : new int[] {0, 1, 2047, 2048, 4096, 16384, 16385, 200_000}) {
            byte[] content = new byte[size];
            for (int i = 0; i < size; i++) {
                content[i] = (byte) ('a' + i % 26);
            }
            Files.write(dir.resolve("f" + size), content);
            assertArrayEquals(content, root.read("/f" + size), size + " bytes");
        }
    }

    /** A seq file many pages long (read in page-sized pieces by the kernel) comes back whole. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void readsAWholeMultiPageProcFileLikeCat() throws Exception {
        for (String path : new String[] {"/proc/filesystems", "/proc/kallsyms"}) {
            byte[] ours = FsRoot.live().read(path);
            Process cat = new ProcessBuilder("cat", path).start();
            byte[] theirs = cat.getInputStream().readAllBytes();
            assertTrue(cat.waitFor() == 0);
            assertArrayEquals(theirs, ours, path);
        }
    }
}
