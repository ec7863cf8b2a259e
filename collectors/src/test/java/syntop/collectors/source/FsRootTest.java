package syntop.collectors.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class FsRootTest {

    @Test
    void readsWholeFilesUnderTheRootAndNothingAbove(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("proc/sys/net/core"));
        Files.writeString(dir.resolve("proc/sys/net/core/somaxconn"), "4096\n");
        FsRoot root = new FsRoot(dir);
        assertArrayEquals("4096\n".getBytes(StandardCharsets.UTF_8), root.read("/proc/sys/net/core/somaxconn"));
        assertThrows(IllegalArgumentException.class, () -> root.read("/../etc/passwd"));
    }

    /** /proc/sys files report size 0; they must still be read whole (somaxconn 4096 is not "4"). */
    @Test
    @EnabledOnOs(OS.LINUX)
    void readsProcSysFilesWhole() throws Exception {
        Path p = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        String viaStream;
        try (var in = Files.newInputStream(p)) {
            viaStream = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(viaStream, new String(FsRoot.live().read("/proc/sys/net/ipv4/ip_local_port_range"), StandardCharsets.UTF_8));
        assertEquals(2, viaStream.strip().split("\\s+").length, viaStream);
    }
}
