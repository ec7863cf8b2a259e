package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.Fixtures;

/** Every Linux action against a fake /proc/sys and a runner that records argvs: what runs, in which order, and what is refused. */
class LinuxActionsTest {
    @TempDir
    Path tmp;
    Kit kit;

    @BeforeEach
    void setUp() {
        kit = new Kit(tmp).linuxKeys(Map.of(
                "net.ipv4.tcp_syncookies", "1",
                "net.ipv4.tcp_synack_retries", "5",
                "net.ipv4.tcp_max_syn_backlog", "2048",
                "net.core.somaxconn", "4096",
                "net.ipv4.ip_local_port_range", "32768 60999"));
    }

    private Profile profile(String... lines) {
        return Profile.parse("test", "test", List.of(lines));
    }

    @Test
    void diffShowsCurrentNewAndKeysThisKernelLacks() {
        ProfileDiff d = kit.linux().tuning().diff(profile("net.ipv4.tcp_syncookies = 2", "net.core.somaxconn = 4096",
                "net.ipv4.tcp_nonexistent = 1", "net.ipv4.ip_local_port_range = 10240 65535"));
        assertEquals(List.of(ProfileDiff.Change.CHANGE, ProfileDiff.Change.SAME, ProfileDiff.Change.NOT_ON_OS,
                ProfileDiff.Change.CHANGE), d.rows().stream().map(ProfileDiff.Row::change).toList());
        assertEquals("32768 60999", d.rows().get(3).current().value().orElseThrow(), "tabs read as one space");
        String text = String.join("\n", d.lines());
        assertTrue(text.contains("not on this OS"), text);
        assertEquals("2 to change, 1 already set, 1 not on this OS", d.summary());
        assertTrue(kit.runner.calls.isEmpty(), "a diff runs nothing on Linux");
    }

    @Test
    void applySavesPreviousValuesFirstThenSetsKeyByKeyAndUndoRestores() throws Exception {
        Path state = kit.state().resolve("undo.state");
        AtomicBoolean savedBeforeFirstWrite = new AtomicBoolean();
        kit.runner.answer(argv -> {
            if (argv.get(0).equals("sysctl") && kit.runner.calls("sysctl").size() == 1) {
                savedBeforeFirstWrite.set(Files.exists(state));
            }
            return null;
        });
        Actions a = kit.linux();
        ActionReport r = a.tuning().apply(profile("net.ipv4.tcp_syncookies = 2", "net.ipv4.tcp_synack_retries = 2",
                "net.core.somaxconn = 4096", "net.ipv4.tcp_nonexistent = 1"));
        assertTrue(r.ok(), r.toString());
        assertTrue(savedBeforeFirstWrite.get(), "the undo state exists before the first sysctl runs");
        assertEquals(List.of(List.of("sysctl", "-w", "net.ipv4.tcp_syncookies=2"),
                List.of("sysctl", "-w", "net.ipv4.tcp_synack_retries=2")), kit.runner.calls);
        assertEquals("2", kit.proc("net.ipv4.tcp_syncookies"));
        String saved = Files.readString(state);
        assertTrue(saved.contains("[test 2025-05-01T10:00:00Z]") && saved.contains("net.ipv4.tcp_syncookies = 1")
                && saved.contains("net.ipv4.tcp_synack_retries = 5") && !saved.contains("somaxconn"), saved);
        assertEquals("2 of 2 changed; undo restores them", r.summary());
        assertTrue(r.lines().stream().anyMatch(l -> l.text().equals("net.ipv4.tcp_nonexistent: not on this OS")));

        // a restart: a new Actions reads the state file
        ProfileDiff undoDiff = kit.linux().tuning().undoDiff().orElseThrow();
        assertEquals(2, undoDiff.count(ProfileDiff.Change.CHANGE));
        ActionReport u = kit.linux().tuning().undo();
        assertTrue(u.ok(), u.toString());
        assertEquals("1", kit.proc("net.ipv4.tcp_syncookies"));
        assertEquals("5", kit.proc("net.ipv4.tcp_synack_retries"));
        assertFalse(Files.exists(state), "undo clears the state");
        ActionRefused again = assertThrows(ActionRefused.class, () -> kit.linux().tuning().undo());
        assertEquals(ActionRefused.Reason.NOTHING_TO_DO, again.reason());

        List<String> audit = kit.audit();
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"action\":\"apply test\"")
                && l.contains("\"argv\":[\"sysctl\",\"-w\",\"net.ipv4.tcp_syncookies=2\"]") && l.contains("\"exit\":0")
                && l.contains("\"user\":\"root\"") && l.contains("\"time\":\"2025-05-01T10:00:00Z\"")
                && l.contains("net.ipv4.tcp_syncookies = 2")), String.join("\n", audit));
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"action\":\"undo test\"")
                && l.contains("net.ipv4.tcp_syncookies=1")));
    }

    @Test
    void appliesStackAndUndoWalksBack() {
        Actions a = kit.linux();
        a.tuning().apply(Profile.parse("one", "t", List.of("net.ipv4.tcp_syncookies = 2")));
        a.tuning().apply(Profile.parse("two", "t", List.of("net.ipv4.tcp_syncookies = 0", "net.ipv4.tcp_synack_retries = 3")));
        assertEquals("0", kit.proc("net.ipv4.tcp_syncookies"));
        assertEquals("undo two", a.tuning().undo().title());
        assertEquals("2", kit.proc("net.ipv4.tcp_syncookies"));
        assertEquals("5", kit.proc("net.ipv4.tcp_synack_retries"));
        assertEquals("undo one", a.tuning().undo().title());
        assertEquals("1", kit.proc("net.ipv4.tcp_syncookies"));
    }

    @Test
    void aFailingKeyIsReportedAndNotKeptForUndo() throws Exception {
        kit.runner.on(List.of("sysctl", "-w", "net.ipv4.tcp_synack_retries=2"), 255, "",
                "sysctl: setting key \"net.ipv4.tcp_synack_retries\": Invalid argument\n");
        ActionReport r = kit.linux().tuning().apply(profile("net.ipv4.tcp_syncookies = 2", "net.ipv4.tcp_synack_retries = 2"));
        assertFalse(r.ok());
        assertTrue(r.lines().stream().anyMatch(l -> l.status() == ActionReport.Status.FAILED
                && l.text().contains("Invalid argument")), r.toString());
        String saved = Files.readString(kit.state().resolve("undo.state"));
        assertTrue(saved.contains("tcp_syncookies") && !saved.contains("tcp_synack_retries"), saved);
        assertTrue(kit.audit().stream().anyMatch(l -> l.contains("\"exit\":255") && l.contains("Invalid argument")));
    }

    @Test
    void nothingToChangeWritesNoState() {
        ActionReport r = kit.linux().tuning().apply(profile("net.core.somaxconn = 4096", "net.ipv4.tcp_nonexistent = 3"));
        assertTrue(r.ok());
        assertTrue(r.summary().startsWith("nothing to change"), r.summary());
        assertTrue(kit.runner.calls.isEmpty());
        assertFalse(Files.exists(kit.state().resolve("undo.state")));
    }

    @Test
    void badValuesRefuseTheWholeProfileBeforeAnythingRuns() {
        for (String bad : new String[] {"net.ipv4.tcp_syncookies = 3", "net.ipv4.tcp_synack_retries = 300",
            "net.ipv4.ip_local_port_range = 2000 1000", "net.ipv4.tcp_tw_recycle = 1", "net.core.somaxconn = many"}) {
            ActionRefused e = assertThrows(ActionRefused.class,
                    () -> kit.linux().tuning().apply(profile("net.ipv4.tcp_max_syn_backlog = 4096", bad)), bad);
            assertEquals(ActionRefused.Reason.INVALID, e.reason(), bad);
            assertTrue(e.getMessage().contains("nothing applied"), e.getMessage());
        }
        assertTrue(kit.runner.calls.isEmpty());
        assertFalse(Files.exists(kit.state().resolve("undo.state")));
    }

    @Test
    void readOnlyAndNotRootRefuseEveryActionAndRunNothing() {
        for (Actions a : List.of(kit.linux(Kit.ROOT, true), kit.linux(Kit.USER, false))) {
            ActionRefused.Reason want = a.readOnly() ? ActionRefused.Reason.READ_ONLY : ActionRefused.Reason.NEEDS_ROOT;
            List<Runnable> actions = List.of(
                    () -> a.tuning().apply(profile("net.ipv4.tcp_syncookies = 2")),
                    () -> a.tuning().undo(),
                    () -> a.drops().drop(ConnectionFilter.of("syn-recv", "8080", "")),
                    () -> a.blocks().block(List.of(IpPrefix.parse("10.99.0.1"))),
                    () -> a.blocks().unblock(List.of(IpPrefix.parse("10.99.0.1"))));
            for (Runnable r : actions) {
                ActionRefused e = assertThrows(ActionRefused.class, r::run);
                assertEquals(want, e.reason(), e.getMessage());
                assertTrue(e.getMessage().contains(a.readOnly() ? "read-only" : "needs root"), e.getMessage());
            }
        }
        assertTrue(kit.runner.calls.isEmpty(), kit.runner.calls.toString());
        assertFalse(Files.exists(kit.state().resolve("undo.state")));
        assertTrue(kit.audit().stream().allMatch(l -> l.contains("\"refused\"")), "refusals are logged, nothing else");
        assertEquals("1", kit.proc("net.ipv4.tcp_syncookies"));
    }

    @Test
    void anUnwritableAuditLogRefusesBeforeAnythingRuns() throws Exception {
        Files.createDirectories(tmp.resolve("log/audit.log")); // a directory where the file should be
        ActionRefused e = assertThrows(ActionRefused.class, () -> kit.linux().tuning().apply(profile("net.ipv4.tcp_syncookies = 2")));
        assertTrue(e.getMessage().contains("audit log"), e.getMessage());
        assertTrue(kit.runner.calls.isEmpty());
    }

    @Test
    void profilesFromFilesAreCheckedForPermissionsAsRoot() throws Exception {
        Path p = kit.profile("mine", "net.ipv4.tcp_syncookies = 2\n");
        Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        ActionRefused e = assertThrows(ActionRefused.class, () -> kit.linux().profiles().load("mine"));
        assertEquals(ActionRefused.Reason.UNSAFE_FILE, e.reason());
        assertEquals("2", kit.linux(Kit.USER, false).profiles().load("mine").entries().get(0).value(),
                "not root: the user's own files are read as they are");
        Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("mine", kit.linux().profiles().load(p.toString()).name(), "by path");
        assertTrue(kit.linux().profiles().list().stream().anyMatch(r -> r.name().equals("mine")));
        assertTrue(kit.linux().profiles().list().stream().anyMatch(r -> r.name().equals("syn-flood")
                && r.origin().equals(ProfileCatalog.BUILT_IN)));
        kit.profile("syn-flood", "net.ipv4.tcp_syncookies = 0\n");
        assertEquals("0", kit.linux().profiles().load("syn-flood").entries().get(0).value(), "a user file hides the built-in");
        assertEquals(ActionRefused.Reason.NOTHING_TO_DO,
                assertThrows(ActionRefused.class, () -> kit.linux().profiles().load("nosuch")).reason());
        assertEquals(ActionRefused.Reason.INVALID,
                assertThrows(ActionRefused.class, () -> kit.linux().profiles().load("$(id)")).reason());
    }

    @Test
    void aTamperedUndoStateIsRefused() throws Exception {
        Files.createDirectories(kit.state());
        Files.writeString(kit.state().resolve("undo.state"), "[x 2025-05-01T10:00:00Z]\nnet.ipv4.tcp_syncookies = 1;reboot\n");
        ActionRefused e = assertThrows(ActionRefused.class, () -> kit.linux().tuning().undo());
        assertEquals(ActionRefused.Reason.UNSAFE_FILE, e.reason());
        assertTrue(kit.runner.calls.isEmpty());
    }

    @Test
    void aSymlinkToAFileOnlyRootMayReadIsRefusedAndNothingOfItIsShown() throws Exception {
        Path secret = tmp.resolve("secret");
        Files.writeString(secret, "root:$6$Zq1Rsecret$hash:19000:0:99999:7:::\n");
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(tmp.resolve("profiles"));
        Path link = Files.createSymbolicLink(tmp.resolve("profiles/x.conf"), secret);
        ActionRefused e = assertThrows(ActionRefused.class, () -> kit.linux().profiles().load(link.toString()));
        assertEquals(ActionRefused.Reason.UNSAFE_FILE, e.reason());
        assertTrue(e.getMessage().contains("others may not read it") && e.getMessage().contains(secret.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("$6$"), e.getMessage());
        ActionRefused named = assertThrows(ActionRefused.class, () -> kit.linux().profiles().load("x"));
        assertEquals(ActionRefused.Reason.UNSAFE_FILE, named.reason(), "by name too");

        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        ActionRefused parse = assertThrows(ActionRefused.class, () -> kit.linux().profiles().load(link.toString()));
        assertEquals(ActionRefused.Reason.INVALID, parse.reason());
        assertFalse(parse.getMessage().contains("root:") || parse.getMessage().contains("$6$"), parse.getMessage());
        assertTrue(parse.getMessage().contains("line 1"), parse.getMessage());
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void onlyRegularFilesOfASaneSizeAreProfiles() throws Exception {
        ActionRefused dev = assertThrows(ActionRefused.class, () -> kit.linux().profiles().load("/dev/zero"));
        assertTrue(dev.getMessage().contains("not a regular file"), dev.getMessage());
        Path big = kit.profile("big", "# " + "x".repeat((int) ProfileCatalog.MAX_BYTES) + "\nnet.core.somaxconn = 1024\n");
        assertTrue(assertThrows(ActionRefused.class, () -> kit.linux().profiles().load(big.toString())).getMessage()
                .contains("larger than"));
    }

    @Test
    void anUndoStateFromBeforeNamespacesIsNotUsedButNamed() throws Exception {
        Files.createDirectories(tmp.resolve("state"));
        Files.writeString(tmp.resolve("state/undo.state"), "[x 2025-05-01T10:00:00Z]\nnet.ipv4.tcp_syncookies = 0\n");
        ActionRefused e = assertThrows(ActionRefused.class, () -> kit.linux().tuning().undo());
        assertEquals(ActionRefused.Reason.NOTHING_TO_DO, e.reason());
        assertTrue(e.getMessage().contains("network namespace " + Kit.NAMESPACE) && e.getMessage().contains("from an older syntop")
                && e.getMessage().contains(kit.state().toString()), e.getMessage());
        assertEquals("1", kit.proc("net.ipv4.tcp_syncookies"));
    }

    @Test
    void undoKeepsASavedValueItRefuses() throws Exception {
        Files.createDirectories(kit.state());
        kit.setProc("kernel.core_pattern", "core");
        Files.writeString(kit.state().resolve("undo.state"), "[x 2025-05-01T10:00:00Z]\nnet.ipv4.tcp_syncookies = 0\n"
                + "kernel.core_pattern = evil\n");
        ActionReport r = kit.linux().tuning().undo();
        assertFalse(r.ok(), r.toString());
        assertTrue(r.lines().stream().anyMatch(l -> l.status() == ActionReport.Status.FAILED
                && l.text().contains("kernel.core_pattern") && l.text().contains("not a key syntop tunes")), r.toString());
        assertEquals("0", kit.proc("net.ipv4.tcp_syncookies"), "the good key is restored");
        assertEquals("core", kit.proc("kernel.core_pattern"), "the refused one is not");
        String left = Files.readString(kit.state().resolve("undo.state"));
        assertTrue(left.contains("kernel.core_pattern = evil") && !left.contains("tcp_syncookies"), left);
    }

    // ---- drop ----

    @Test
    void dropCountsKillsWithSsMinusKAndCountsAgain() {
        kit.runner.on(List.of("ss", "-K"), 0, "0 0 10.99.0.2:8080 10.99.0.1:1\n0 0 10.99.0.2:8080 10.99.0.1:2\n", "");
        int[] counts = {0};
        kit.runner.answer(argv -> argv.get(0).equals("ss") && !argv.contains("-K")
                ? RecordingRunner.result(argv, 0, counts[0]++ == 0 ? "a\nb\n" : "", "") : null);
        ActionReport r = kit.linux().drops().drop(ConnectionFilter.of("syn-recv", "8080", "10.99.0.0/24"));
        List<String> filter = List.of("state", "syn-recv", "dst", "10.99.0.0/24", "sport", "=", ":8080");
        assertEquals(List.of(concat(List.of("ss", "-H", "-t", "-n"), filter), concat(List.of("ss", "-K", "-H", "-t", "-n"), filter),
                concat(List.of("ss", "-H", "-t", "-n"), filter)), kit.runner.calls);
        assertTrue(r.ok(), r.toString());
        assertEquals("dropped 2 of 2; none match now", r.summary());
    }

    @Test
    void ssFiltersForIpv6AndWithoutAState() {
        Actions a = kit.linux();
        CommandPlan p = a.drops().planDrop(ConnectionFilter.of("", "", "2001:db8::1"));
        assertEquals(List.of("ss", "-K", "-H", "-t", "-n", "state", "connected", "dst", "2001:db8::1/128"), p.steps().get(1).argv());
        p = a.drops().planDrop(ConnectionFilter.of("time-wait", "443", ""));
        assertEquals(List.of("ss", "-K", "-H", "-t", "-n", "state", "time-wait", "sport", "=", ":443"), p.steps().get(1).argv());
        assertTrue(p.steps().stream().allMatch(s -> s.argv().contains("-t")), "always -t");
        assertTrue(kit.runner.calls.isEmpty(), "a plan runs nothing");
    }

    @Test
    void aKernelWithoutSocketDestroyIsNamed() {
        kit.runner.answer(argv -> argv.get(0).equals("ss") && !argv.contains("-K")
                ? RecordingRunner.result(argv, 0, "a\nb\nc\n", "") : null);
        ActionReport r = kit.linux().drops().drop(ConnectionFilter.of("established", "", "10.99.0.1"));
        assertFalse(r.ok());
        assertTrue(r.summary().contains("CONFIG_INET_DIAG_DESTROY") && r.summary().contains("nothing was dropped"), r.summary());
    }

    @Test
    void nothingMatchingRunsNoKill() {
        ActionReport r = kit.linux().drops().drop(ConnectionFilter.of("syn-recv", "8080", ""));
        assertEquals(1, kit.runner.calls.size(), kit.runner.calls.toString());
        assertTrue(r.ok());
        assertEquals("nothing matched; nothing was dropped", r.summary());
    }

    @Test
    void countNowRunsOnlyTheQuery() {
        kit.runner.on(List.of("ss"), 0, "x\ny\n", "");
        assertEquals(2, kit.linux(Kit.USER, false).drops().countNow(ConnectionFilter.of("syn-recv", "", "")).getAsLong());
        assertFalse(kit.runner.anyChange());
    }

    // ---- block ----

    @Test
    void blockCreatesAMarkedTableOnceThenOnlyAddsElementsAndRemembersThem() throws Exception {
        Actions a = kit.linux();
        ActionReport r = a.blocks().block(List.of(IpPrefix.parse("10.99.0.1"), IpPrefix.parse("2001:db8::/48"), IpPrefix.parse("10.99.0.1")));
        assertTrue(r.ok(), r.toString());
        List<List<String>> changes = kit.runner.calls("nft").stream().filter(c -> !c.contains("list")).toList();
        assertEquals(3, changes.size(), changes.toString());
        assertEquals("nft create table inet syntop { comment \"owned by syntop\" ; } ; "
                + "add set inet syntop blocked { type ipv4_addr ; flags interval ; } ; "
                + "add set inet syntop blocked6 { type ipv6_addr ; flags interval ; } ; add chain inet syntop input { type "
                + "filter hook input priority filter ; policy accept ; } ; add rule inet syntop "
                + "input ip saddr @blocked drop ; add rule inet syntop input ip6 saddr @blocked6 drop", String.join(" ", changes.get(0)));
        assertEquals(List.of("nft", "add", "element", "inet", "syntop", "blocked", "{", "10.99.0.1", "}"), changes.get(1));
        assertEquals(List.of("nft", "add", "element", "inet", "syntop", "blocked6", "{", "2001:db8::/48", "}"), changes.get(2));
        assertTrue(kit.runner.calls.stream().noneMatch(c -> c.contains("flush") || c.contains("policy") && !c.contains("create")),
                "no flush, no policy given to an existing chain: " + kit.runner.calls);
        List<BlockedList.Entry> list = kit.linux().blocks().blocked();
        assertEquals(List.of("10.99.0.1", "2001:db8::/48"), list.stream().map(e -> e.source().toString()).toList());

        ActionReport u = kit.linux().blocks().unblock(List.of(IpPrefix.parse("10.99.0.1")));
        assertTrue(u.ok(), u.toString());
        assertEquals(List.of("nft", "delete", "element", "inet", "syntop", "blocked", "{", "10.99.0.1", "}"),
                kit.runner.calls.get(kit.runner.calls.size() - 1));
        assertEquals(1, kit.linux().blocks().blocked().size());
    }

    @Test
    void aTableOfTheSameNameWithoutSyntopsMarkIsRefusedAndNothingChanges() throws Exception {
        kit.nft.with("filter", "nft-t-list-table-inet-filter.txt").with("other", "nft-t-list-table-inet-other.txt");
        for (String table : List.of("filter", "other")) {
            Actions a = new Actions(new syntop.collectors.os.linux.LinuxInterventions(new syntop.collectors.source.FsRoot(kit.proc)),
                    kit.runner, kit.settings(Kit.ROOT, false).blockTarget(new BlockTarget(table, "blocked")));
            ActionRefused plan = assertThrows(ActionRefused.class, () -> a.blocks().planBlock(IpPrefix.parse("192.0.2.9")));
            assertEquals(ActionRefused.Reason.NOT_OURS, plan.reason());
            ActionRefused e = assertThrows(ActionRefused.class, () -> a.blocks().block(List.of(IpPrefix.parse("192.0.2.9"))));
            assertEquals(ActionRefused.Reason.NOT_OURS, e.reason());
            assertTrue(e.getMessage().contains("nftables table inet " + table + ": it exists and is not syntop's"), e.getMessage());
        }
        assertTrue(kit.runner.calls("nft").stream().allMatch(c -> c.contains("list")), "only listings ran: " + kit.runner.calls);
        assertTrue(kit.audit().stream().anyMatch(l -> l.contains("\"action\":\"block 192.0.2.9\"") && l.contains("\"refused\"")),
                kit.audit().toString());
        assertTrue(kit.linux().blocks().blocked().isEmpty());
    }

    @Test
    void syntopsOwnTableGetsOnlyWhatItLacks() {
        String noV6Rule = Fixtures.read(NftFake.CAPTURES + "nft-t-list-table-inet-syntop.txt").replace("\t\tip6 saddr @blocked6 drop\n", "");
        kit.nft.tables.put("syntop", noV6Rule);
        assertTrue(kit.linux().blocks().block(List.of(IpPrefix.parse("10.99.0.1"))).ok());
        List<List<String>> changes = kit.runner.calls("nft").stream().filter(c -> !c.contains("list")).toList();
        assertEquals(List.of("nft", "add", "rule", "inet", "syntop", "input", "ip6", "saddr", "@blocked6", "drop"), changes.get(0));
        assertEquals("add", changes.get(1).get(1));
        assertEquals(2, changes.size(), changes.toString());
    }

    @Test
    void aTableSyntopCannotListIsNotTouched() {
        kit.runner.on(List.of("nft", "-t", "list"), 1, "", "Error: Could not process rule: Operation not permitted\n");
        ActionRefused e = assertThrows(ActionRefused.class, () -> kit.linux().blocks().block(List.of(IpPrefix.parse("10.99.0.1"))));
        assertEquals(ActionRefused.Reason.NOT_OURS, e.reason());
        assertTrue(e.getMessage().contains("cannot tell") && e.getMessage().contains("Operation not permitted"), e.getMessage());
        assertFalse(kit.runner.anyChange() && kit.runner.calls("nft").stream().anyMatch(c -> !c.contains("list")));
    }

    @Test
    void unblockingSomethingTheFirewallNoLongerHasCleansTheList() {
        Actions a = kit.linux();
        a.blocks().block(List.of(IpPrefix.parse("10.99.0.7")));
        kit.runner.on(List.of("nft", "delete"), 1, "", "Error: No such file or directory\ndelete element inet syntop ...\n");
        ActionReport u = a.blocks().unblock(List.of(IpPrefix.parse("10.99.0.7")));
        assertTrue(u.ok(), u.toString());
        assertTrue(u.lines().stream().anyMatch(l -> l.text().contains("was not in")));
        assertTrue(a.blocks().blocked().isEmpty());
    }

    @Test
    void aFailingBlockIsReportedAndNotRemembered() {
        kit.runner.on(List.of("nft", "add", "element"), 1, "", "Error: interval overlaps with an existing one\n");
        ActionReport r = kit.linux().blocks().block(List.of(IpPrefix.parse("10.99.0.5")));
        assertFalse(r.ok());
        assertTrue(r.lines().stream().anyMatch(l -> l.text().contains("overlaps")), r.toString());
        assertTrue(kit.linux().blocks().blocked().isEmpty());
    }

    @Test
    void dangerousSourcesAreRefused() {
        Actions a = kit.linux();
        for (String s : new String[] {"127.0.0.1", "::1", "0.0.0.0/0", "10.0.0.0/7", "2000::/3", "192.0.2.10", "192.0.2.0/24"}) {
            ActionRefused e = assertThrows(ActionRefused.class, () -> a.blocks().block(List.of(IpPrefix.parse(s))), s);
            assertEquals(ActionRefused.Reason.INVALID, e.reason());
        }
        assertTrue(assertThrows(ActionRefused.class, () -> a.blocks().block(List.of(IpPrefix.parse("192.0.2.10"))))
                .getMessage().contains("your own session"));
        assertTrue(kit.runner.calls.isEmpty());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
