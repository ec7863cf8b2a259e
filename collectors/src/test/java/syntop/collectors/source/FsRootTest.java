package syntop.collectors.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class FsRootTest {
    /** /proc/sys files report size 0 and end after a read from a non-zero offset: the whole value must come back. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void readsAProcSysValueWhole() throws Exception {
        String path = "/proc/sys/net/ipv4/tcp_max_syn_backlog";
        String value = new String(FsRoot.live().read(path), StandardCharsets.UTF_8);
        assertTrue(value.matches("\\d{2,}\\n"), "read '" + value + "'");
        Process p = new ProcessBuilder("cat", path).start();
        assertEquals(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8), value);
    }

    @Test
    void readsAnOrdinaryFile() throws Exception {
        Path dir = Files.createTempDirectory("fsroot");
        Files.createDirectories(dir.resolve("proc/net"));
        Files.writeString(dir.resolve("proc/net/sockstat"), "TCP: inuse 7\n");
        assertEquals("TCP: inuse 7\n", new String(new FsRoot(dir).read("/proc/net/sockstat"), StandardCharsets.UTF_8));
    }
}
