package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code syntop explain}: entries per OS, raw names, the live value, unknown names. */
class ExplainCommandTest {
    @TempDir
    Path tmp;

    @Test
    @EnabledOnOs(OS.LINUX)
    void aTunableOnLinuxShowsItsDefaultsItsLiveValueAndItsSource() throws Exception {
        Path sys = Files.createDirectories(tmp.resolve("proc/sys/net/core"));
        Files.writeString(sys.resolve("somaxconn"), "511\n");
        Cli r = Cli.run("explain", "--fs-root", tmp.toString(), "net.core.somaxconn", "net.ipv4.tcp_syncookies");
        assertEquals(ExitCodes.OK, r.exit, r.toString());
        assertTrue(r.out.startsWith("net.core.somaxconn  (tunable)\n"), r.out);
        r.outHas("\n  linux:     4096 since Linux 5.4; 128 before\n",
                "\n  live:      511 on this machine\n");
        assertTrue(r.out.contains("\n  live:      not present on this machine\n"), "tcp_syncookies is absent under the fake root: " + r.out);
        assertTrue(r.out.contains("Documentation/admin-guide/sysctl/net.rst"), r.out);
    }

    @Test
    void anotherOsIsExplainedWithoutReadingThisMachine() {
        Cli r = Cli.run("explain", "--os", "freebsd", "kern.ipc.soacceptqueue", "syncookies_sent");
        assertEquals(ExitCodes.OK, r.exit, r.toString());
        assertTrue(r.out.contains("kern.ipc.somaxconn  (tunable)\n  what:      the cap on every listen() backlog\n"), r.out);
        assertTrue(r.out.indexOf("  freebsd:") < r.out.indexOf("  linux:"), "the OS asked about first: " + r.out);
        r.outHas("1.5", "syncookies_sent  (counter)", "  macos:     absent: macOS has no SYN cookies\n");
        assertFalse(r.out.contains("live:"), r.out);
    }

    @Test
    void macOsSaysWhatMslIsMeasuredInAndThatSyncacheKeysDoNotExist() {
        Cli r = Cli.run("explain", "--os", "macos", "net.inet.tcp.msl", "net.inet.tcp.syncache.cachelimit");
        assertEquals(ExitCodes.OK, r.exit, r.toString());
        r.outHas("  unit:      milliseconds\n  macos:     15000 (30 s of TIME_WAIT)\n",
                "  macos:     absent: macOS has no syncache\n");
    }

    @Test
    void rawCounterNamesStatesAndVerdictKinds() {
        Cli r = Cli.run("explain", "--os", "linux", "TcpExtListenDrops", "SYN-RECV", "time_wait_pile_up");
        assertEquals(ExitCodes.OK, r.exit, r.toString());
        r.outHas("listen_drops  (counter)",
                "syn_rcvd  (state)",
                "time_wait_pile_up  (verdict)\n  what:      many TIME_WAIT connections",
                "never a SYN flood");
    }

    @Test
    void anUnknownNameFailsAndSaysWhereTheNamesAre() {
        Cli r = Cli.run("explain", "--os", "linux", "net.ipv4.tcp_no_such", "listen_drops");
        assertEquals(ExitCodes.SOURCE_FAILED, r.exit, r.toString());
        assertTrue(r.err.contains("nothing known about 'net.ipv4.tcp_no_such' (syntop explain --list shows every name)"), r.err);
        assertTrue(r.out.contains("listen_drops  (counter)"), "the known names are still explained");
        assertEquals(ExitCodes.USAGE, Cli.run("explain", "--os", "plan9", "x").exit);
        assertEquals(ExitCodes.USAGE, Cli.run("explain", "--os", "linux").exit);
        Cli list = Cli.run("explain", "--os", "linux", "--list");
        list.outHas("net.ipv4.tcp_syncookies", "retransmit_surge");
    }
}
