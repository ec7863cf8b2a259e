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
    @TempDir
    Path tmp;
    Kit kit;
    BsdSysctlFake kernel;

    @BeforeEach
    void setUp() {
        kit = new Kit(tmp);
        kernel = new BsdSysctlFake(kit.runner, Map.of("kern.ipc.somaxconn", "128", "net.inet.tcp.keepinit", "75000",
                "net.inet.tcp.msl", "15000"));
    }

    private Actions actions(Identity id, boolean readOnly) {
        return new Actions(new MacOsInterventions(kit.runner), kit.runner, kit.settings(id, readOnly));
    }

    private Actions actions() {
        return actions(Kit.ROOT, false);
    }

    @Test
    void builtinsApplyWithSysctlMinusWAndUndo() {
        ActionReport r = actions().tuning().apply(actions().profiles().load("syn-flood"));
        assertTrue(r.ok(), r.toString());
        assertEquals(List.of(List.of("sysctl", "-w", "kern.ipc.somaxconn=1024"), List.of("sysctl", "-w", "net.inet.tcp.keepinit=20000")),
                kit.runner.calls.stream().filter(c -> !c.contains("-n")).toList());
        actions().tuning().undo();
        assertEquals("128", kernel.values.get("kern.ipc.somaxconn"));
        assertEquals("75000", kernel.values.get("net.inet.tcp.keepinit"));
    }

    @Test
    void dropSaysPlainlyThatMacOsCannotAndOffersPfctlK() {
        ActionRefused e = assertThrows(ActionRefused.class, () -> actions().drops().drop(ConnectionFilter.of("syn_rcvd", "8080", "")));
        assertEquals(ActionRefused.Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("macOS has no tool that drops kernel TCP sockets")
                && e.getMessage().contains("pfctl -k"), e.getMessage());
        assertTrue(kit.runner.calls.isEmpty());

        kit.runner.on(List.of("pfctl", "-k"), 0, "", "killed 7 states from 1 sources and 0 destinations\n");
        CommandPlan plan = actions().drops().planDrop(ConnectionFilter.of("syn_rcvd", "8080", "10.99.0.5"));
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("cannot drop kernel sockets")), plan.notes().toString());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("cannot select by state or port")));
        ActionReport r = actions().drops().drop(ConnectionFilter.of("", "", "10.99.0.5"));
        assertEquals(List.of(List.of("pfctl", "-k", "10.99.0.5")), kit.runner.calls);
        assertTrue(r.ok(), r.toString());
        assertTrue(r.summary().startsWith("killed 7 pf states; kernel sockets were not touched"), r.summary());
    }

    @Test
    void blockAndUnblockUsePfTables() {
        assertTrue(actions().blocks().block(List.of(IpPrefix.parse("203.0.113.0/24"))).ok());
        assertTrue(actions().blocks().unblock(List.of(IpPrefix.parse("203.0.113.0/24"))).ok());
        List<String> check = List.of("pfctl", "-a", "syntop", "-s", "rules");
        assertEquals(List.of(check, List.of("pfctl", "-a", "syntop", "-t", "syntop", "-T", "add", "203.0.113.0/24"),
                List.of("pfctl", "-k", "203.0.113.0/24"),
                check, List.of("pfctl", "-a", "syntop", "-t", "syntop", "-T", "delete", "203.0.113.0/24")), kit.runner.calls);
        assertTrue(actions().blocks().blocked().isEmpty());
    }

    @Test
    void macOsRangesAndRefusals() {
        assertThrows(ActionRefused.class, () -> actions().tuning().apply(Profile.parse("t", "t", List.of("kern.ipc.somaxconn = 40000"))));
        assertEquals(ActionRefused.Reason.READ_ONLY, assertThrows(ActionRefused.class,
                () -> actions(Kit.ROOT, true).blocks().block(List.of(IpPrefix.parse("203.0.113.5")))).reason());
        assertEquals(ActionRefused.Reason.NEEDS_ROOT, assertThrows(ActionRefused.class,
                () -> actions(Kit.USER, false).tuning().undo()).reason());
        assertEquals(ActionRefused.Reason.INVALID, assertThrows(ActionRefused.class,
                () -> actions().blocks().block(List.of(IpPrefix.parse("203.0.113.5;rm")))).reason());
        assertTrue(kit.runner.calls.isEmpty(), kit.runner.calls.toString());
    }
}
