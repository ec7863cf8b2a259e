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

import syntop.collectors.Fixtures;

class ParseCommandTest {
    private static final Path LAB = Fixtures.onClassPath("linux/6.18-lab-synflood");

    @Test
    void parsesSavedProcFilesAsOneInput() {
        Cli r = Cli.run("parse", "--platform", "linux", "--source", "proc-net-tcp",
                LAB.resolve("proc/net/tcp").toString(), LAB.resolve("proc/net/tcp6").toString());
        assertEquals(0, r.exit, r.err);
        r.outHas("\"syn_rcvd\": 129", "\"8080\": 129");
    }

    @Test
    void aUniquePrefixNamesTheSource() {
        Cli r = Cli.run("parse", "--platform", "linux", "--source", "ss-l", LAB.resolve("cmd/ss-ltn.txt").toString());
        assertEquals(0, r.exit, r.err);
        r.outHas("\"source\": \"ss-ltn\"", "\"limit\": 16");
    }

    @Test
    void garbageExitsWithOneAndSaysSo(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.txt");
        Files.write(junk, new byte[] {0, 1, 2, (byte) 0xff, '\n', 'x'});
        Cli r = Cli.run("parse", "--platform", "linux", "--source", "proc-net-netstat", junk.toString());
        assertEquals(ExitCodes.SOURCE_FAILED, r.exit);
        assertTrue(r.err.contains("the input was not understood"), r.err);
        assertTrue(r.out.contains("\"lines_understood\": 0"), r.out);
    }

    @Test
    void anotherCommandsOutputExitsWithOneAndSaysSo() {
        // ss -tulpen given as /proc/net/netstat: its address columns once gave counters named after them
        Cli r = Cli.run("parse", "--platform", "linux", "--source", "proc-net-netstat",
                Fixtures.onClassPath("linux/newer-iproute2-jc/cmd/ss-tulpen.txt").toString());
        assertEquals(ExitCodes.SOURCE_FAILED, r.exit, r.out);
        assertTrue(r.err.contains("the input was not understood as proc-net-netstat output"), r.err);
        assertFalse(r.out.contains("raw_counters"), r.out);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anEndlessInputIsRefusedAsTooLargeWithoutFillingTheHeap() {
        Cli r = Cli.run("parse", "--platform", "linux", "--source", "proc-net-netstat", "/dev/zero");
        assertEquals(ExitCodes.SOURCE_FAILED, r.exit, r.err);
        assertTrue(r.err.startsWith("syntop parse: /dev/zero: too large (over "), r.err);
        assertEquals("", r.out);
    }

    @Test
    void usageErrorsExitWithTwo(@TempDir Path dir) {
        assertEquals(ExitCodes.USAGE, Cli.run("parse", "--platform", "plan9", "--source", "x", "f").exit);
        Cli ambiguous = Cli.run("parse", "--platform", "linux", "--source", "proc-net", "f");
        assertEquals(ExitCodes.USAGE, ambiguous.exit);
        assertTrue(ambiguous.err.contains("more than one"), ambiguous.err);
        Cli missing = Cli.run("parse", "--platform", "linux", "--source", "ss-ltn", dir.resolve("none").toString());
        assertEquals(ExitCodes.USAGE, missing.exit);
        assertTrue(missing.err.contains("cannot read"), missing.err);
        assertEquals(ExitCodes.USAGE, Cli.run("--no-such-option").exit);
    }

    @Test
    void helpListsTheSourcesOfEachPlatform() {
        Cli r = Cli.run("parse", "--help");
        assertEquals(0, r.exit);
        assertTrue(r.out.contains("proc-net-tcp") && r.out.contains("ss-ltn"), r.out);
        assertTrue(r.out.contains("\n    sysctl                   sysctl net.inet.tcp.syncache"), r.out);
        for (String line : r.out.split("\n")) {
            assertTrue(line.length() <= ParseCommand.HELP_WIDTH || !line.contains(" "), "wrapped mid-word: " + line);
        }
    }

    @Test
    void theBsdSettingsSourceHasAShortNameAndItsFormerOneStillWorks() {
        String capture = Fixtures.onClassPath("freebsd/12.1-jc/cmd/sysctl-net.inet.tcp.txt").toString();
        Cli r = Cli.run("parse", "--platform", "freebsd", "--source", "sysctl", capture);
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("\"source\": \"sysctl\""), r.out);
        Cli former = Cli.run("parse", "--platform", "freebsd", "--source",
                "sysctl-net.inet.tcp.syncache-net.inet.tcp.syncookies-net.inet.tcp.syncookies_only-kern.ipc.somaxconn-"
                        + "net.inet.tcp.msl-net.inet.tcp.keepinit-net.inet.tcp.finwait2_timeout-net.inet.tcp.maxtcptw-"
                        + "net.inet.tcp.blackhole-net.inet.tcp.drop_synfin-net.inet.ip.portrange.first-net.inet.ip.portrange.last",
                capture);
        assertEquals(0, former.exit, former.err);
        assertTrue(former.out.contains("\"source\": \"sysctl\""), former.out);
    }
}
