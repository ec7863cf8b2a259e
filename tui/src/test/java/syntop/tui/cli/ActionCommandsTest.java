package syntop.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.action.Identity;

/** apply, undo, drop, block, unblock and blocked, in-process, with their refusals and exit statuses. */
class ActionCommandsTest {
    @TempDir
    Path tmp;
    ActionCli cli;

    @BeforeEach
    void setUp() {
        cli = new ActionCli(tmp, Map.of("net.ipv4.tcp_syncookies", "1", "net.ipv4.tcp_synack_retries", "5",
                "net.ipv4.tcp_max_syn_backlog", "2048", "net.core.somaxconn", "4096"));
    }

    @Test
    void dryRunShowsTheDiffAndTheExactCommandsAndChangesNothing() {
        cli.identity = Identity.of(1000, "alice");
        Cli r = cli.run("apply", "syn-flood", "--dry-run");
        assertEquals(ExitCodes.OK, r.exit, r.toString());
        assertTrue(r.out.contains("profile syn-flood (built-in) on this linux machine:"), r.out);
        assertTrue(r.out.matches("(?s).*net\\.ipv4\\.tcp_synack_retries\\s+5\\s+2\\s+will change.*"), r.out);
        assertTrue(r.out.matches("(?s).*net\\.core\\.somaxconn\\s+4096\\s+4096\\s+already set.*"), r.out);
        assertTrue(r.out.contains("  sysctl -w net.ipv4.tcp_synack_retries=2\n"), r.out);
        assertTrue(r.out.matches("(?s).*will change\n    = how often the SYN-ACK is resent to a client that does not answer\n.*"),
                "each key's meaning under its change: " + r.out);
        assertTrue(r.out.contains("dry run: nothing was changed"), r.out);
        assertTrue(cli.changes().isEmpty());
        assertEquals("5", cli.get("net.ipv4.tcp_synack_retries"));
    }

    @Test
    void withoutATerminalAndWithoutYesItRefusesRatherThanGuesses() {
        Cli r = cli.run("apply", "syn-flood");
        assertEquals(ExitCodes.REFUSED, r.exit, r.toString());
        assertTrue(r.err.contains("no terminal to confirm on: pass --yes"), r.err);
        assertTrue(cli.changes().isEmpty());
        Cli d = cli.run("drop", "--state", "syn-recv", "--port", "8080");
        assertEquals(ExitCodes.REFUSED, d.exit, d.toString());
        assertTrue(cli.changes().isEmpty());
    }

    @Test
    void theTerminalAsksAndNoMeansNo() {
        cli.answers.add(Optional.of(false));
        Cli no = cli.run("apply", "syn-flood");
        assertEquals(ExitCodes.REFUSED, no.exit);
        assertTrue(no.err.contains("cancelled; nothing was changed"), no.err);
        assertEquals(List.of("Apply 2 change(s) of profile syn-flood?"), cli.questions);
        cli.answers.add(Optional.of(true));
        Cli yes = cli.run("apply", "syn-flood");
        assertEquals(ExitCodes.OK, yes.exit, yes.toString());
        assertEquals("2", cli.get("net.ipv4.tcp_synack_retries"));
    }

    @Test
    void applyYesThenUndoYesAndUndoAgainHasNothingToDo() {
        Cli a = cli.run("apply", "syn-flood", "--yes");
        assertEquals(ExitCodes.OK, a.exit, a.toString());
        a.outHas("ok      net.ipv4.tcp_synack_retries: 5 -> 2", "skipped net.core.somaxconn: already 4096");
        assertEquals("8192", cli.get("net.ipv4.tcp_max_syn_backlog"));
        assertEquals(List.of(List.of("sysctl", "-w", "net.ipv4.tcp_max_syn_backlog=8192"),
                List.of("sysctl", "-w", "net.ipv4.tcp_synack_retries=2")), cli.changes());

        Cli dry = cli.run("undo", "--dry-run");
        assertTrue(dry.out.contains("undo syn-flood (applied 2025-05-01T10:00:00Z, network namespace net:[4026531999])"), dry.out);
        Cli u = cli.run("undo", "--yes");
        assertEquals(ExitCodes.OK, u.exit, u.toString());
        assertEquals("5", cli.get("net.ipv4.tcp_synack_retries"));
        assertEquals("2048", cli.get("net.ipv4.tcp_max_syn_backlog"));
        Cli again = cli.run("undo", "--yes");
        assertEquals(ExitCodes.REFUSED, again.exit);
        assertTrue(again.err.contains("nothing to undo"), again.err);
    }

    @Test
    void readOnlyIsGlobalAndRefusesEveryAction() {
        for (String[] args : List.of(new String[] {"--read-only", "apply", "syn-flood", "--yes"},
                new String[] {"apply", "--read-only", "syn-flood", "--yes"},
                new String[] {"--read-only", "undo", "--yes"},
                new String[] {"--read-only", "drop", "--state", "syn-recv", "--yes"},
                new String[] {"--read-only", "block", "203.0.113.7", "--yes"},
                new String[] {"--read-only", "unblock", "203.0.113.7", "--yes"})) {
            cli.procSys.set("net.ipv4.tcp_synack_retries", "5");
            Cli r = cli.run(args);
            if (args[1].equals("undo")) {
                assertEquals(ExitCodes.REFUSED, r.exit, r.toString()); // nothing to undo or read-only: refused either way
                continue;
            }
            assertEquals(ExitCodes.REFUSED, r.exit, String.join(" ", args) + "\n" + r);
            assertTrue(r.err.contains("read-only"), r.err);
        }
        assertTrue(cli.changes().isEmpty(), cli.changes().toString());
        assertTrue(cli.run("--read-only", "apply", "syn-flood", "--dry-run").exit == ExitCodes.OK, "a dry run is allowed");
    }

    @Test
    void notRootSaysRootIsNeededAndChangesNothing() {
        cli.identity = Identity.of(1000, "alice");
        Cli r = cli.run("apply", "syn-flood", "--yes");
        assertEquals(ExitCodes.REFUSED, r.exit);
        assertTrue(r.err.contains("needs root (run syntop with sudo); nothing was changed"), r.err);
        assertEquals(ExitCodes.REFUSED, cli.run("block", "203.0.113.7", "--yes").exit);
        assertTrue(cli.changes().isEmpty());
    }

    @Test
    void badProfilesValuesAndUnsafeFilesAreRefused() throws Exception {
        Files.createDirectories(tmp.resolve("profiles"));
        Path bad = Files.writeString(tmp.resolve("profiles/bad.conf"), "net.ipv4.tcp_syncookies = 7\n");
        Cli r = cli.run("apply", "bad", "--yes");
        assertEquals(ExitCodes.USAGE, r.exit, r.toString());
        assertTrue(r.out.contains("REFUSED: net.ipv4.tcp_syncookies: 7 is outside 0..2"), r.out);
        Path shell = Files.writeString(tmp.resolve("profiles/shell.conf"), "net.ipv4.tcp_syncookies = 1; reboot\n");
        Cli s = cli.run("apply", shell.toString(), "--yes");
        assertEquals(ExitCodes.USAGE, s.exit, s.toString());
        assertTrue(s.err.contains("line 1"), s.err);
        Files.writeString(bad, "net.ipv4.tcp_syncookies = 2\n");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-rw-rw-"));
        Cli unsafe = cli.run("apply", "bad", "--yes");
        assertEquals(ExitCodes.REFUSED, unsafe.exit, unsafe.toString());
        assertTrue(unsafe.err.contains("writable by group and others (mode 0666)"), unsafe.err);
        assertEquals(ExitCodes.REFUSED, cli.run("apply", "nosuch", "--yes").exit);
        assertEquals(ExitCodes.USAGE, cli.run("apply", "--yes").exit, "which profile?");
        assertTrue(cli.changes().isEmpty());
    }

    @Test
    void listShowsBuiltinsAndFiles() throws Exception {
        Files.createDirectories(tmp.resolve("profiles"));
        Files.writeString(tmp.resolve("profiles/mine.conf"), "net.ipv4.tcp_syncookies = 2\n");
        Cli r = cli.run("apply", "--list");
        assertEquals(ExitCodes.OK, r.exit);
        assertTrue(r.out.contains("syn-flood            built-in") && r.out.contains("fin-wait") && r.out.contains("mine "), r.out);
    }

    @Test
    void dropShowsCommandsAndCountAndRunsSsMinusK() {
        cli.on(List.of("ss", "-H"), 0, "x\ny\nz\n");
        Cli dry = cli.run("drop", "--state", "syn-recv", "--port", "8080", "--remote", "203.0.113.0/24", "--dry-run");
        assertEquals(ExitCodes.OK, dry.exit, dry.toString());
        dry.outHas("  ss -K -H -t -n state syn-recv dst 203.0.113.0/24 sport = :8080\n", "matching now: 3");
        assertTrue(cli.changes().isEmpty());
        cli.on(List.of("ss", "-K"), 0, "a\nb\nc\n");
        cli.answer(argv -> argv.get(0).equals("ss") && !argv.contains("-K") && cli.calls.stream().anyMatch(c -> c.contains("-K"))
                ? ActionCli.result(argv, 0, "", "") : null);
        Cli r = cli.run("drop", "--state", "syn-recv", "--port", "8080", "--remote", "203.0.113.0/24", "--yes");
        assertEquals(ExitCodes.OK, r.exit, r.toString());
        assertTrue(r.out.contains("dropped 3 of 3; none match now"), r.out);
        assertEquals(1, cli.changes().size());
    }

    @Test
    void dropRefusesEmptyAndBadFilters() {
        Cli none = cli.run("drop", "--yes");
        assertEquals(ExitCodes.USAGE, none.exit);
        assertTrue(none.err.contains("say which connections"), none.err);
        assertEquals(ExitCodes.USAGE, cli.run("drop", "--remote", "203.0.113.7;reboot", "--yes").exit);
        assertEquals(ExitCodes.USAGE, cli.run("drop", "--state", "listen", "--yes").exit);
        assertEquals(ExitCodes.USAGE, cli.run("drop", "--port", "0", "--yes").exit);
        assertTrue(cli.calls.isEmpty());
    }

    @Test
    void blockBlockedAndUnblock() {
        Cli b = cli.run("block", "203.0.113.7", "2001:db8::/48", "--yes");
        assertEquals(ExitCodes.OK, b.exit, b.toString());
        assertTrue(b.out.contains("nft add element inet syntop blocked6 '{' 2001:db8::/48 '}'"), b.out);
        Cli l = cli.run("blocked");
        assertTrue(l.out.contains("203.0.113.7") && l.out.contains("2001:db8::/48")
                && l.out.contains("nftables sets inet syntop blocked/blocked6"), l.out);
        Cli u = cli.run("unblock", "--all", "--yes");
        assertEquals(ExitCodes.OK, u.exit, u.toString());
        assertTrue(cli.run("blocked").out.contains("syntop has blocked nothing"));
        assertEquals(ExitCodes.USAGE, cli.run("block", "127.0.0.1", "--yes").exit);
        Cli own = cli.run("block", "192.0.2.10", "--yes");
        assertEquals(ExitCodes.USAGE, own.exit);
        assertTrue(own.err.contains("your own session"), own.err);
        assertEquals(ExitCodes.USAGE, cli.run("block", "--table", "bad-name", "203.0.113.9", "--yes").exit);
        assertFalse(cli.calls.stream().anyMatch(c -> c.contains("127.0.0.1") || c.contains("192.0.2.10")));
    }

    @Test
    void theAuditLogRecordsWhatRan() throws Exception {
        cli.run("apply", "syn-flood", "--yes");
        String audit = Files.readString(tmp.resolve("audit.log"));
        assertTrue(audit.contains("\"action\":\"apply syn-flood\"") && audit.contains("\"exit\":0")
                && audit.contains("net.ipv4.tcp_synack_retries=2"), audit);
    }

    @Test
    void refusalsOfTheCommandLineAreOnRecordWithTheirAddressesAndKeys() throws Exception {
        assertEquals(ExitCodes.REFUSED, cli.run("block", "203.0.113.9").exit); // no terminal, no --yes
        assertEquals(ExitCodes.USAGE, cli.run("block", "192.0.2.10", "--yes").exit); // the operator's own address
        assertEquals(ExitCodes.REFUSED, cli.run("apply", "syn-flood").exit);
        assertEquals(ExitCodes.OK, cli.run("block", "198.51.100.7", "--dry-run").exit);
        List<String> log = Files.readAllLines(tmp.resolve("audit.log"));
        assertEquals(3, log.size(), String.join("\n", log));
        assertTrue(log.get(0).contains("\"action\":\"block 203.0.113.9\"") && log.get(0).contains("\"subjects\":[\"203.0.113.9\"]")
                && log.get(0).contains("no terminal to confirm on"), log.get(0));
        assertTrue(log.get(1).contains("\"subjects\":[\"192.0.2.10\"]") && log.get(1).contains("your own session"), log.get(1));
        assertTrue(log.get(2).contains("\"action\":\"apply syn-flood\"") && log.get(2).contains("net.ipv4.tcp_synack_retries=2")
                && log.get(2).contains("\"refused\""), log.get(2));
        assertTrue(cli.changes().isEmpty());
    }
}
