package syntop.tui.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * How service managers stop {@code syntop serve}: SIGTERM, after which it must exit 0 (as
 * node_exporter does), or systemd marks the unit failed on every {@code systemctl stop}.
 */
@EnabledOnOs({OS.LINUX, OS.MAC, OS.FREEBSD})
class ServeStopTest {
    @Test
    void sigtermStopsItWithStatusZero(@TempDir Path dir) throws Exception {
        Path web = Files.writeString(dir.resolve("web.yml"), "");
        try (ServeProcess serve = ServeProcess.start(List.of(), List.of(),
                List.of("--web.listen-address", "127.0.0.1:0", "--web.config.file", web.toString()))) {
            assertTrue(serve.stderr().stream().anyMatch(l -> l.contains("warning: web config " + web
                    + " sets neither tls_server_config nor basic_auth_users")), serve.stderr().toString());
            serve.process.destroy(); // SIGTERM
            assertTrue(serve.process.waitFor(20, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
            assertEquals(0, serve.process.exitValue(), "exit status after SIGTERM; " + serve.stderr());
        }
    }
}
