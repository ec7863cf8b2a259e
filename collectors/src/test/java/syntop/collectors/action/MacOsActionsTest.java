package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.os.macos.MacOsInterventions;

/** Every macOS action with a recording runner: sysctl -w, pfctl, and the plain refusal to drop sockets. */
class MacOsActionsTest {
    BsdMachine bsd;

    @BeforeEach
    void setUp(@TempDir Path tmp) {
        bsd = new BsdMachine(tmp, MacOsInterventions::new, Map.of("kern.ipc.somaxconn", "128", "net.inet.tcp.keepinit", "75000",
                "net.inet.tcp.msl", "15000"));
    }

    @Test
    void builtinsApplyWithSysctlMinusWAndUndo() {
        ActionReport r = bsd.actions().tuning().apply(bsd.actions().profiles().load("syn-flood"));
        assertTrue(r.ok(), r.toString());
        assertEquals(List.of(List.of("sysctl", "-w", "kern.ipc.somaxconn=1024"), List.of("sysctl", "-w", "net.inet.tcp.keepinit=20000")),
                bsd.runner.calls.stream().filter(c -> !c.contains("-n")).toList());
        bsd.actions().tuning().undo();
        assertEquals("128", bsd.kernel.values.get("kern.ipc.somaxconn"));
        assertEquals("75000", bsd.kernel.values.get("net.inet.tcp.keepinit"));
    }

    @Test
    void dropSaysPlainlyThatMacOsCannotAndOffersPfctlK() {
        ActionRefused e = assertThrows(ActionRefused.class, () -> bsd.actions().drops().drop(ConnectionFilter.of("syn_rcvd", "8080", "")));
        assertEquals(ActionRefused.Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("macOS has no tool that drops kernel TCP sockets")
                && e.getMessage().contains("pfctl -k"), e.getMessage());
        assertTrue(bsd.runner.calls.isEmpty());

        bsd.runner.on(List.of("pfctl", "-k"), 0, "", "killed 7 states from 1 sources and 0 destinations\n");
        CommandPlan plan = bsd.actions().drops().planDrop(ConnectionFilter.of("syn_rcvd", "8080", "10.99.0.5"));
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("cannot drop kernel sockets")), plan.notes().toString());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("cannot select by state or port")));
        ActionReport r = bsd.actions().drops().drop(ConnectionFilter.of("", "", "10.99.0.5"));
        assertEquals(List.of(List.of("pfctl", "-k", "10.99.0.5")), bsd.runner.calls);
        assertTrue(r.ok(), r.toString());
        assertTrue(r.summary().startsWith("killed 7 pf states; kernel sockets were not touched"), r.summary());
    }

    @Test
    void blockAndUnblockUsePfTables() {
        assertTrue(bsd.actions().blocks().block(List.of(IpPrefix.parse("203.0.113.0/24"))).ok());
        assertTrue(bsd.actions().blocks().unblock(List.of(IpPrefix.parse("203.0.113.0/24"))).ok());
        List<String> check = List.of("pfctl", "-a", "syntop", "-s", "rules");
        assertEquals(List.of(check, List.of("pfctl", "-a", "syntop", "-t", "syntop", "-T", "add", "203.0.113.0/24"),
                List.of("pfctl", "-k", "203.0.113.0/24"),
                check, List.of("pfctl", "-a", "syntop", "-t", "syntop", "-T", "delete", "203.0.113.0/24")), bsd.runner.calls);
        assertTrue(bsd.actions().blocks().blocked().isEmpty());
    }

    @Test
    void macOsRangesAndRefusals() {
        assertThrows(ActionRefused.class, () -> bsd.actions().tuning().apply(Profile.parse("t", "t", List.of("kern.ipc.somaxconn = 40000"))));
        assertEquals(ActionRefused.Reason.READ_ONLY, assertThrows(ActionRefused.class,
                () -> bsd.actions(Kit.ROOT, true).blocks().block(List.of(IpPrefix.parse("203.0.113.5")))).reason());
        assertEquals(ActionRefused.Reason.NEEDS_ROOT, assertThrows(ActionRefused.class,
                () -> bsd.actions(Kit.USER, false).tuning().undo()).reason());
        assertEquals(ActionRefused.Reason.INVALID, assertThrows(ActionRefused.class,
                () -> bsd.actions().blocks().block(List.of(IpPrefix.parse("203.0.113.5;rm")))).reason());
        assertTrue(bsd.runner.calls.isEmpty(), bsd.runner.calls.toString());
    }
}
