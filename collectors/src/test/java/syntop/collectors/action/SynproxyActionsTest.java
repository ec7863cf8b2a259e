package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.Fixtures;

/** The SYN proxy on Linux against a fake /proc/sys and nft: what runs, in which order, what stays behind, what is refused. */
class SynproxyActionsTest {
    private static final String LISTED = "linux/debian12-nft1.0.6/cmd/nft-t-list-table-inet-syntop_synproxy.txt";
    @TempDir
    Path tmp;
    Kit kit;

    @BeforeEach
    void setUp() {
        kit = new Kit(tmp).linuxKeys(Map.of(
                "net.netfilter.nf_conntrack_tcp_loose", "1",
                "net.ipv4.tcp_timestamps", "1",
                "net.ipv4.tcp_sack", "1",
                "net.ipv4.tcp_window_scaling", "1",
                "net.ipv4.tcp_rmem", "4096 131072 6291456",
                "net.core.rmem_max", "212992"));
        kit.runner.on(List.of("ip", "-o", "link"), 0, Fixtures.read("linux/6.18-netns-veth/cmd/ip-o-link-show-up.txt"), "");
        // nft -f - (not -c) makes the table; nft delete table removes it
        kit.runner.answer(argv -> {
            if (argv.equals(List.of("nft", "-f", "-"))) {
                kit.nft.tables.put("syntop_synproxy", Fixtures.read(LISTED));
            } else if (argv.equals(List.of("nft", "delete", "table", "inet", "syntop_synproxy"))) {
                kit.nft.tables.remove("syntop_synproxy");
            }
            return null;
        });
    }

    private SortedSet<Integer> ports(Integer... p) {
        return new TreeSet<>(List.of(p));
    }

    @Test
    void onSavesTheSettingFirstSetsItLoadsTheTableAndOffLeavesNothingBehind() throws Exception {
        Actions a = kit.linux();
        ActionReport on = a.synproxy().on(a.synproxy().ports(List.of("8080,8443"), false), Map.of(8080, 16L));
        assertTrue(on.ok(), on.toString());
        assertEquals("0", kit.proc("net.netfilter.nf_conntrack_tcp_loose"));
        List<List<String>> changes = kit.runner.calls.stream().filter(c -> c.get(0).equals("sysctl") || c.equals(List.of("nft", "-f", "-")))
                .toList();
        assertEquals(List.of(List.of("sysctl", "-w", "net.netfilter.nf_conntrack_tcp_loose=0"), List.of("nft", "-f", "-")), changes,
                "the setting first, then the table");
        int load = kit.runner.calls.indexOf(List.of("nft", "-f", "-"));
        String fed = kit.runner.stdin.get(load);
        assertTrue(fed.contains("synproxy mss 1360 wscale 7 timestamp sack-perm"), fed);
        assertTrue(fed.endsWith("add element inet syntop_synproxy ports { 8080, 8443 }\n"), fed);
        assertTrue(kit.audit().stream().anyMatch(l -> l.contains("standard input of nft -f -")), "what nft was fed is on record");
        SynproxyState.Content c = a.synproxy().current();
        assertEquals(List.of(8080, 8443), List.copyOf(c.ports().keySet()));
        assertEquals(Map.of(8080, 16L), c.before());
        assertEquals(Map.of("net.netfilter.nf_conntrack_tcp_loose", "1"), c.restore());
        assertTrue(a.synproxy().undoesFirst(), "no profile applied: undo takes the proxy off");

        // a restart: a fresh Actions reads the same state
        Actions again = kit.linux();
        ActionReport one = again.synproxy().off(ports(8443));
        assertTrue(one.ok(), one.toString());
        assertTrue(kit.runner.calls.contains(List.of("nft", "delete", "element", "inet", "syntop_synproxy", "ports", "{", "8443", "}")));
        assertEquals("0", kit.proc("net.netfilter.nf_conntrack_tcp_loose"), "a port stays: the setting stays");

        ActionReport off = again.synproxy().off(new TreeSet<>());
        assertTrue(off.ok(), off.toString());
        assertEquals("1", kit.proc("net.netfilter.nf_conntrack_tcp_loose"));
        assertFalse(kit.nft.tables.containsKey("syntop_synproxy"));
        assertFalse(Files.exists(again.synproxy().stateFile().file()), "nothing of syntop's stays");
        assertEquals("the SYN proxy is off; nothing of syntop's stays", off.summary());
    }

    @Test
    void aTableTheKernelRefusesPutsTheSettingBackAndLeavesNoState() {
        kit.runner.on(List.of("nft", "-f", "-"), 1, "", "/dev/stdin:6:1-90: Error: Could not process rule: No such file or directory\n");
        ActionReport r = kit.linux().synproxy().on(ports(8080), Map.of());
        assertFalse(r.ok());
        assertEquals("not engaged; the settings it changed are put back", r.summary());
        assertEquals("1", kit.proc("net.netfilter.nf_conntrack_tcp_loose"));
        assertFalse(Files.exists(kit.linux().synproxy().stateFile().file()), "nothing to restore, no port: no state");
        assertTrue(r.lines().stream().anyMatch(l -> l.status() == ActionReport.Status.FAILED
                && l.text().contains("No such file or directory")), r.toString());
    }

    @Test
    void afterARebootThePortsOnRecordGoOnAgain() {
        Actions a = kit.linux();
        a.synproxy().on(ports(8080), Map.of());
        kit.nft.tables.remove("syntop_synproxy"); // a reboot: the table is gone, the state stays
        SynproxyPlan plan = kit.linux().synproxy().planOn(ports(8080));
        assertEquals(1, plan.steps().size(), plan.lines().toString());
        assertTrue(plan.steps().get(0).stdin().contains("ports { 8080 }"));
        assertEquals(Ownership.Status.ABSENT, kit.linux().synproxy().found().status());
    }

    @Test
    void portsAreCheckedAndTheOwnSshPortNeedsForce() {
        SynproxyActions s = kit.linux().synproxy();
        assertEquals(ActionRefused.Reason.INVALID, assertThrows(ActionRefused.class, () -> s.ports(List.of("0"), false)).reason());
        assertThrows(ActionRefused.class, () -> s.ports(List.of("65536"), false));
        assertThrows(ActionRefused.class, () -> s.ports(List.of("80,"), false));
        assertThrows(ActionRefused.class, () -> s.ports(List.of("http"), false));
        List<String> many = IntStream.rangeClosed(1000, 1064).mapToObj(String::valueOf).toList();
        assertTrue(assertThrows(ActionRefused.class, () -> s.ports(many, false)).getMessage().contains("more than 64"));
        assertEquals(64, s.ports(many.subList(0, 64), false).size());
        ActionRefused ssh = assertThrows(ActionRefused.class, () -> s.ports(List.of("22,8080"), false));
        assertTrue(ssh.getMessage().contains("your own SSH session") && ssh.getMessage().contains("--force"), ssh.getMessage());
        assertEquals(ports(22, 8080), s.ports(List.of("22,8080"), true));
    }

    @Test
    void readOnlyAndNonRootAreRefusedOnRecordAndRunNothing() {
        assertEquals(ActionRefused.Reason.READ_ONLY, assertThrows(ActionRefused.class,
                () -> kit.linux(Kit.ROOT, true).synproxy().on(ports(8080), Map.of())).reason());
        assertEquals(ActionRefused.Reason.NEEDS_ROOT, assertThrows(ActionRefused.class,
                () -> kit.linux(Kit.USER, false).synproxy().on(ports(8080), Map.of())).reason());
        assertFalse(kit.runner.anyChange(), kit.runner.calls.toString());
        assertTrue(kit.audit().stream().anyMatch(l -> l.contains("\"action\":\"synproxy on 8080\"") && l.contains("refused")));
    }

    @Test
    void aTableOfThatNameWithoutSyntopsMarkIsRefused() {
        kit.nft.with("syntop_synproxy", "nft-t-list-table-inet-other.txt");
        ActionRefused e = assertThrows(ActionRefused.class, () -> kit.linux().synproxy().planOn(ports(8080)));
        assertEquals(ActionRefused.Reason.NOT_OURS, e.reason());
        assertThrows(ActionRefused.class, () -> kit.linux().synproxy().on(ports(8080), Map.of()));
        assertFalse(kit.runner.calls.stream().anyMatch(c -> c.get(0).equals("sysctl") || c.equals(List.of("nft", "-f", "-"))));
    }

    @Test
    void aKernelWithoutConntrackIsRefusedBeforeAnythingChanges() throws Exception {
        Files.delete(kit.procFile("net.netfilter.nf_conntrack_tcp_loose"));
        SynproxyPlan plan = kit.linux().synproxy().planOn(ports(8080));
        assertTrue(plan.steps().isEmpty());
        assertTrue(plan.lines().stream().anyMatch(l -> l.startsWith("note: MISSING: conntrack")), plan.lines().toString());
        ActionRefused e = assertThrows(ActionRefused.class, () -> kit.linux().synproxy().on(ports(8080), Map.of()));
        assertEquals(ActionRefused.Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage().startsWith("the SYN proxy cannot work here: conntrack"), e.getMessage());
        assertFalse(kit.runner.calls.stream().anyMatch(c -> c.get(0).equals("sysctl") || c.equals(List.of("nft", "-f", "-"))));
    }

    @Test
    void theDryRunPlanShowsTheDiffAndTheExactInput() {
        SynproxyPlan plan = kit.linux().synproxy().planOn(ports(8080));
        List<String> lines = new ArrayList<>(plan.lines());
        assertEquals("  net.netfilter.nf_conntrack_tcp_loose: 1 -> 0 (conntrack must not pick up the client's ACK as a new "
                + "connection; this holds for every connection in this network namespace)", lines.get(0));
        assertEquals("  nft -f -   <<", lines.get(1));
        assertEquals("      | create table inet syntop_synproxy { comment \"owned by syntop\"; }", lines.get(2));
        assertFalse(kit.runner.anyChangeBesides(List.of("nft", "-c", "-f", "-")), kit.runner.calls.toString());
    }

    @Test
    void undoTakesTheProxyOffOnlyWhenItIsNewerThanTheNewestProfile() throws Exception {
        Actions a = kit.linux();
        assertFalse(a.synproxy().undoesFirst(), "nothing proxied");
        a.synproxy().on(ports(8080), Map.of());
        kit.profile("later", "net.ipv4.tcp_sack = 0\n");
        // the test clock is fixed, so both carry the same time (a tie goes to the proxy); move the profile an hour on
        a.tuning().apply(a.tuning().loadForApply("later"));
        Path undo = kit.state().resolve("undo.state");
        Files.writeString(undo, Files.readString(undo).replace("2025-05-01T10:00:00Z", "2025-05-01T11:00:00Z"));
        assertFalse(kit.linux().synproxy().undoesFirst(), "the profile is newer: undo restores it first");
    }
}
