package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.os.freebsd.FreeBsdInterventions;

/** Every FreeBSD action with a recording runner: sysctl key=value, tcpdrop, pfctl. */
class FreeBsdActionsTest {
    BsdMachine bsd;

    @BeforeEach
    void setUp(@TempDir Path tmp) {
        bsd = new BsdMachine(tmp, FreeBsdInterventions::new, Map.of("net.inet.tcp.syncookies", "1",
                "net.inet.tcp.syncache.rexmtlimit", "3", "kern.ipc.somaxconn", "128"));
    }

    @Test
    void builtinSynFloodAppliesWithSysctlKeyEqualsValueAndUndoes() {
        Actions a = bsd.actions();
        Profile p = a.profiles().load("syn-flood");
        ProfileDiff d = a.tuning().diff(p);
        assertEquals("2 to change, 1 already set", d.summary());
        ActionReport r = a.tuning().apply(p);
        assertTrue(r.ok(), r.toString());
        assertEquals(List.of(List.of("sysctl", "net.inet.tcp.syncache.rexmtlimit=1"), List.of("sysctl", "kern.ipc.somaxconn=4096")),
                bsd.runner.calls.stream().filter(c -> !c.contains("-n")).toList());
        assertEquals("4096", bsd.kernel.values.get("kern.ipc.somaxconn"));
        assertTrue(bsd.actions().tuning().undo().ok());
        assertEquals("128", bsd.kernel.values.get("kern.ipc.somaxconn"));
        assertEquals("3", bsd.kernel.values.get("net.inet.tcp.syncache.rexmtlimit"));
    }

    @Test
    void unknownOidsAreNotOnThisOs() {
        ProfileDiff d = bsd.actions().tuning().diff(Profile.parse("t", "t", List.of("net.inet.tcp.nosuch = 1", "net.ipv4.tcp_syncookies = 1")));
        assertTrue(d.rows().stream().allMatch(r -> r.change() == ProfileDiff.Change.NOT_ON_OS), d.lines().toString());
        assertEquals(List.of("sysctl", "-n", "net.inet.tcp.nosuch"), bsd.runner.calls.get(0));
    }

    @Test
    void rangesAreFreeBsdsOwn() {
        assertThrows(ActionRefused.class, () -> bsd.actions().tuning().apply(Profile.parse("t", "t", List.of("net.inet.tcp.syncookies = 2"))));
        assertThrows(ActionRefused.class, () -> bsd.actions().tuning().apply(Profile.parse("t", "t", List.of("net.inet.tcp.msl = 10"))));
        assertFalse(bsd.runner.anyChange());
    }

    @Test
    void dropByStateAloneIsOneTcpdropMinusSWhenNoSessionIsToBeSpared() {
        int[] n = {0};
        bsd.runner.answer(argv -> argv.equals(List.of("tcpdrop", "-l", "-s", "TIME_WAIT"))
                ? RecordingRunner.result(argv, 0, n[0]++ == 0 ? "tcpdrop 10.0.0.1 80 10.0.0.2 5000\ntcpdrop 10.0.0.1 80 10.0.0.3 5001\n" : "", "")
                : null);
        bsd.runner.on(List.of("tcpdrop", "-s"), 0, "10.0.0.1 80 10.0.0.2 5000: dropped\n10.0.0.1 80 10.0.0.3 5001: dropped\n", "");
        Actions notUnderSsh = bsd.actions(bsd.kit.settings(Kit.ROOT, false, List.of()));
        ActionReport r = notUnderSsh.drops().drop(ConnectionFilter.of("time_wait", "", ""));
        assertEquals(List.of(List.of("tcpdrop", "-l", "-s", "TIME_WAIT"), List.of("tcpdrop", "-s", "TIME_WAIT"),
                List.of("tcpdrop", "-l", "-s", "TIME_WAIT")), bsd.runner.calls);
        assertTrue(r.ok(), r.toString());
        assertEquals("dropped 2 of 2; none match now", r.summary());
    }

    @Test
    void dropByRemoteAndPortRunsOneTcpdropPerListedMatch() {
        String listing = String.join("\n",
                "tcpdrop 192.0.2.1 8080 10.99.0.5 40000",
                "tcpdrop 192.0.2.1 8080 10.99.1.5 40001",
                "tcpdrop 192.0.2.1 22 10.99.0.6 40002",
                "tcpdrop 2001:db8::1 8080 2001:db8:1::9 40003",
                "tcpdrop fe80::1%em0 8080 10.99.0.7 40004",
                "tcpdrop 192.0.2.1 8080 10.99.0.8 40005; reboot",
                "garbage",
                "tcpdrop 192.0.2.1 8080 10.99.0.9 40006", "");
        bsd.runner.on(List.of("tcpdrop", "-l"), 0, listing, "");
        bsd.runner.answer(argv -> argv.size() == 5 && !argv.get(1).startsWith("-")
                ? RecordingRunner.result(argv, 0, String.join(" ", argv.subList(1, 5)) + ": dropped\n", "") : null);
        ActionReport r = bsd.actions().drops().drop(ConnectionFilter.of("syn_rcvd", "8080", "10.99.0.0/24"));
        assertEquals(List.of(
                List.of("tcpdrop", "-l", "-s", "SYN_RCVD"),
                List.of("tcpdrop", "192.0.2.1", "8080", "10.99.0.5", "40000"),
                List.of("tcpdrop", "192.0.2.1", "8080", "10.99.0.9", "40006"),
                List.of("tcpdrop", "-l", "-s", "SYN_RCVD")), bsd.runner.calls);
        assertTrue(r.summary().startsWith("dropped 2 of 2"), r.summary());
        CommandPlan plan = bsd.actions().drops().planDrop(ConnectionFilter.of("syn_rcvd", "8080", "10.99.0.0/24"));
        assertTrue(plan.lines().stream().anyMatch(l -> l.contains("tcpdrop LADDR LPORT FADDR FPORT")), plan.lines().toString());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("syncache")), "says what tcpdrop cannot reach");
    }

    @Test
    void anOldTcpdropWithoutMinusSIsNamed() {
        bsd.runner.on(List.of("tcpdrop", "-l", "-s"), 1, "",
                "usage: tcpdrop local-address local-port foreign-address foreign-port\n       tcpdrop [-l] -a\n");
        ActionReport r = bsd.actions().drops().drop(ConnectionFilter.of("established", "", "10.99.0.1"));
        assertFalse(r.ok());
        assertTrue(r.lines().get(0).text().contains("no -s (it came in FreeBSD 12.0)"), r.toString());
        assertEquals(1, bsd.runner.calls.size(), "nothing dropped after a failed listing");
    }

    @Test
    void noStateListsEverything() {
        bsd.runner.on(List.of("tcpdrop", "-l", "-a"), 0, "tcpdrop 192.0.2.1 443 10.99.0.5 40000\n", "");
        bsd.actions().drops().drop(ConnectionFilter.of("", "443", ""));
        assertEquals(List.of("tcpdrop", "-l", "-a"), bsd.runner.calls.get(0));
        assertEquals(List.of("tcpdrop", "192.0.2.1", "443", "10.99.0.5", "40000"), bsd.runner.calls.get(1));
    }

    @Test
    void blockAddsToThePfTableAndKillsStates() {
        ActionReport r = bsd.actions().blocks().block(List.of(IpPrefix.parse("10.99.0.5"), IpPrefix.parse("2001:db8::/32")));
        assertTrue(r.ok(), r.toString());
        List<String> check = List.of("pfctl", "-a", "syntop", "-s", "rules");
        assertEquals(List.of(check,
                List.of("pfctl", "-a", "syntop", "-t", "syntop", "-T", "add", "10.99.0.5"), List.of("pfctl", "-k", "10.99.0.5"),
                check,
                List.of("pfctl", "-a", "syntop", "-t", "syntop", "-T", "add", "2001:db8::/32"), List.of("pfctl", "-k", "2001:db8::/32")),
                bsd.runner.calls);
        CommandPlan plan = bsd.actions().blocks().planBlock(IpPrefix.parse("10.99.0.5"));
        assertTrue(plan.notes().get(0).contains("anchor \"syntop\" { block drop in quick from <syntop> label \"syntop\" }"),
                plan.notes().toString());
        assertTrue(bsd.actions().blocks().unblock(List.of(IpPrefix.parse("10.99.0.5"))).ok());
        assertEquals(List.of("pfctl", "-a", "syntop", "-t", "syntop", "-T", "delete", "10.99.0.5"),
                bsd.runner.calls.get(bsd.runner.calls.size() - 1));
        assertEquals(List.of("2001:db8::/32"), bsd.actions().blocks().blocked().stream().map(e -> e.source().toString()).toList());
    }

    @Test
    void aConfiguredTableIsUsedAndRememberedPerEntry() {
        Actions a = bsd.actions(bsd.kit.settings(Kit.ROOT, false).blockTarget(new BlockTarget("flood", "blocked")));
        a.blocks().block(List.of(IpPrefix.parse("10.99.0.5")));
        assertEquals(List.of("pfctl", "-a", "syntop", "-t", "flood", "-T", "add", "10.99.0.5"), bsd.runner.calls.get(1));
        bsd.actions().blocks().unblock(List.of(IpPrefix.parse("10.99.0.5")));
        assertEquals(List.of("pfctl", "-a", "syntop", "-t", "flood", "-T", "delete", "10.99.0.5"),
                bsd.runner.calls.get(bsd.runner.calls.size() - 1), "unblock uses the table the address went into");
        assertThrows(ActionRefused.class, () -> new BlockTarget("bad name", "x"));
    }

    /** Synthetic pf rule lines, in pfctl -s rules' shape (pf.conf(5) syntax as pfctl prints it). */
    @Test
    void anAnchorHoldingTheOperatorsRulesIsRefusedAndNoTableIsTouched() {
        bsd.runner.on(List.of("pfctl", "-a", "syntop", "-s", "rules"), 0,
                "block drop in quick from <syntop> to any label \"syntop\"\npass in quick proto tcp from any to any port = 22 keep state\n", "");
        ActionRefused e = assertThrows(ActionRefused.class, () -> bsd.actions().blocks().block(List.of(IpPrefix.parse("10.99.0.5"))));
        assertEquals(ActionRefused.Reason.NOT_OURS, e.reason());
        assertTrue(e.getMessage().contains("pf anchor \"syntop\"") && e.getMessage().contains("without label"), e.getMessage());
        assertThrows(ActionRefused.class, () -> bsd.actions().blocks().unblock(List.of(IpPrefix.parse("10.99.0.5"))));
        assertTrue(bsd.runner.calls.stream().allMatch(c -> c.contains("-s")), "only the check ran: " + bsd.runner.calls);
    }

    @Test
    void anAnchorOfSyntopsLabelledRulesIsSyntops() {
        bsd.runner.on(List.of("pfctl", "-a", "syntop", "-s", "rules"), 0,
                "block drop in quick from <syntop> to any label \"syntop\"\nanchor \"synproxy\" all\n", "");
        assertTrue(bsd.actions().blocks().block(List.of(IpPrefix.parse("10.99.0.5"))).ok());
        bsd.runner.on(List.of("pfctl", "-a", "syntop", "-s", "rules"), 1, "", "pfctl: /dev/pf: Permission denied\n");
        assertEquals(ActionRefused.Reason.NOT_OURS, assertThrows(ActionRefused.class,
                () -> bsd.actions().blocks().block(List.of(IpPrefix.parse("10.99.0.6")))).reason(), "an unreadable anchor is left alone");
    }

    @Test
    void refusalsRunNothing() {
        assertEquals(ActionRefused.Reason.READ_ONLY, assertThrows(ActionRefused.class,
                () -> bsd.actions(Kit.ROOT, true).drops().drop(ConnectionFilter.of("syn_rcvd", "", ""))).reason());
        assertEquals(ActionRefused.Reason.NEEDS_ROOT, assertThrows(ActionRefused.class,
                () -> bsd.actions(Kit.USER, false).blocks().block(List.of(IpPrefix.parse("10.99.0.5")))).reason());
        assertEquals(ActionRefused.Reason.NEEDS_ROOT, assertThrows(ActionRefused.class,
                () -> bsd.actions(Kit.USER, false).tuning().apply(bsd.actions().profiles().load("fin-wait"))).reason());
        assertTrue(bsd.runner.calls.stream().allMatch(c -> c.contains("-n")), "only reads: " + bsd.runner.calls);
    }
}
