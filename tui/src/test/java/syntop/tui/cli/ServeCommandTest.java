package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code syntop serve}'s refusals: each says why, with the exit status README documents. */
class ServeCommandTest {
    @Test
    void badOptionsAreUsageErrors() {
        Cli listen = Cli.run("serve", "--listen", "localhost");
        assertEquals(ExitCodes.USAGE, listen.exit);
        assertTrue(listen.err.contains("syntop serve: --listen 'localhost': no port"), listen.err);
        Cli interval = Cli.run("serve", "--interval", "0");
        assertEquals(ExitCodes.USAGE, interval.exit);
        assertTrue(interval.err.contains("--interval must be between"), interval.err);
        Cli max = Cli.run("serve", "--max-listeners", "-1");
        assertEquals(ExitCodes.USAGE, max.exit);
        assertTrue(max.err.contains("--max-listeners must be between 0 and"), max.err);
    }

    @Test
    void aMalformedWebConfigNamesTheLine(@TempDir Path dir) throws Exception {
        Path web = Files.writeString(dir.resolve("web.yml"), "basic_auth_users:\n  alice: hunter2\n");
        Cli r = Cli.run("serve", "--listen", "127.0.0.1:0", "--web-config", web.toString());
        assertEquals(ExitCodes.USAGE, r.exit);
        assertTrue(r.err.contains("web config " + web + ": line 2: the password of user 'alice' is not a bcrypt hash"),
                r.err);
    }

    @Test
    void theExporterToolkitNamesAreTheSameOptions(@TempDir Path dir) throws Exception {
        Cli listen = Cli.run("serve", "--web.listen-address", "localhost");
        assertEquals(ExitCodes.USAGE, listen.exit);
        assertTrue(listen.err.contains("--listen 'localhost': no port"), listen.err);
        Path web = Files.writeString(dir.resolve("web.yml"), "basic_auth_users:\n  alice: hunter2\n");
        Cli config = Cli.run("serve", "--web.listen-address=127.0.0.1:0", "--web.config.file=" + web);
        assertEquals(ExitCodes.USAGE, config.exit);
        assertTrue(config.err.contains("web config " + web + ": line 2:"), config.err);
        Cli help = Cli.run("serve", "--help");
        assertTrue(help.out.contains("--web.listen-address") && help.out.contains("--web.config.file"), help.out);
    }

    @Test
    void aTakenPortIsAnErrorThatSaysSo() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Cli r = Cli.run("serve", "--listen", "127.0.0.1:" + taken.getLocalPort());
            assertEquals(ExitCodes.SOURCE_FAILED, r.exit);
            assertTrue(r.err.contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": the port is already in use"), r.err);
        }
    }

    @Test
    void helpNamesTheDefaultAddress() {
        Cli r = Cli.run("serve", "--help");
        assertEquals(0, r.exit);
        assertTrue(r.out.contains("127.0.0.1:19796"), r.out);
    }
}
