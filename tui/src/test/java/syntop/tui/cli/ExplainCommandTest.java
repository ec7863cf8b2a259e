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

    /** The output with each field's wrapped lines joined again, so a test can look for a whole sentence. */
    private static String flat(String out) {
        return out.replaceAll("\n {13}", " ");
    }

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
        assertTrue(r.out.contains("https://docs.kernel.org/admin-guide/sysctl/net.html"), r.out);
    }

    @Test
    void anotherOsIsExplainedWithoutReadingThisMachine() {
        Cli r = Cli.run("explain", "--os", "freebsd", "kern.ipc.soacceptqueue", "syncookies_sent");
        assertEquals(ExitCodes.OK, r.exit, r.toString());
        assertTrue(r.out.contains("kern.ipc.somaxconn  (tunable)\n  what:      the cap on every listen() backlog\n"), r.out);
        assertTrue(r.out.indexOf("  freebsd:") < r.out.indexOf("  linux:"), "the OS asked about first: " + r.out);
        assertTrue(r.out.contains("1.5"), r.out);
        assertTrue(r.out.contains("syncookies_sent  (counter)"), r.out);
        assertTrue(r.out.contains("  macos:     absent: macOS has no SYN cookies (netstat may print the line; it\n"), r.out);
        assertTrue(flat(r.out).contains("FreeBSD with net.inet.tcp.syncookies=1 (the default) puts a cookie in every "
                + "syncache SYN-ACK"), "cookies sent is not an attack sign by itself there: " + r.out);
        assertFalse(r.out.contains("live:"), r.out);
    }

    @Test
    void macOsSaysWhatMslIsMeasuredInAndThatSyncacheKeysDoNotExist() {
        Cli r = Cli.run("explain", "--os", "macos", "net.inet.tcp.msl", "net.inet.tcp.syncache.cachelimit");
        assertEquals(ExitCodes.OK, r.exit, r.toString());
        assertTrue(r.out.contains("  unit:      milliseconds\n  macos:     15000 (30 s of TIME_WAIT)\n"), r.out);
        assertTrue(r.out.contains("  macos:     absent: macOS has no syncache\n"), r.out);
        Cli q = Cli.run("explain", "--os", "macos", "kern.ipc.somaxconn", "FIN_WAIT2");
        assertEquals(ExitCodes.OK, q.exit, q.toString());
        assertTrue(q.out.contains("  macos:     128\n"), q.out);
        assertTrue(flat(q.out).contains("refuses at the limit itself (kern.ipc.soqlimitcompat=1, the default)"), q.out);
        assertTrue(flat(q.out).contains("  macos:     FIN_WAIT_2; orphans end after net.inet.tcp.fin_timeout (60 s, macOS 12 "
                + "and later), otherwise after keepcnt x keepintvl (10 minutes)"), q.out);
    }

    @Test
    void rawCounterNamesStatesAndVerdictKinds() {
        Cli r = Cli.run("explain", "--os", "linux", "TcpExtListenDrops", "SYN-RECV", "time_wait_pile_up");
        assertEquals(ExitCodes.OK, r.exit, r.toString());
        assertTrue(r.out.contains("listen_drops  (counter)"), r.out);
        assertTrue(r.out.contains("syn_rcvd  (state)"), r.out);
        assertTrue(flat(r.out).contains("with cookies off also at most about 3/4 of tcp_max_syn_backlog per listener"), r.out);
        assertTrue(r.out.contains("time_wait_pile_up  (verdict)\n  what:      many TIME_WAIT connections"), r.out);
        assertTrue(r.out.contains("never a SYN flood"), r.out);
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
