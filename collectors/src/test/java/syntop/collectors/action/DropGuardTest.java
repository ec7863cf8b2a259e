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
import syntop.collectors.os.macos.MacOsInterventions;

/**
 * A drop is held to the limits of a block (no prefix wider than /8 or /16) and never cuts the
 * operator's own session: Kit's operator comes from 192.0.2.10 to local port 22.
 */
class DropGuardTest {
    @TempDir
    Path tmp;
    Kit kit;

    @BeforeEach
    void setUp() {
        kit = new Kit(tmp).linuxKeys(Map.of());
    }

    @Test
    void aDropFromPrefixesWiderThanABlockIsRefusedAndRunsNothing() {
        Actions a = kit.linux();
        for (String wide : List.of("0.0.0.0/0", "::/0", "10.0.0.0/7", "2000::/3")) {
            ActionRefused plan = assertThrows(ActionRefused.class, () -> a.drops().planDrop(ConnectionFilter.of("", "", wide)), wide);
            assertEquals(ActionRefused.Reason.INVALID, plan.reason());
            assertTrue(plan.getMessage().contains("wider than /"), plan.getMessage());
            assertThrows(ActionRefused.class, () -> a.drops().drop(ConnectionFilter.of("established", "", wide)), wide);
            assertThrows(ActionRefused.class, () -> a.drops().countNow(ConnectionFilter.of("established", "", wide)), wide);
        }
        assertTrue(kit.runner.calls.isEmpty(), kit.runner.calls.toString());
        assertTrue(a.drops().planDrop(ConnectionFilter.of("", "", "10.0.0.0/8")).steps().size() > 0, "a /8 is as wide as a block goes");
    }

    @Test
    void aDropByStateAloneSparesTheOwnSessionsPeerOnTheSshPort() {
        List<String> spare = List.of("not", "(", "dst", "192.0.2.10", "sport", "=", ":22", ")");
        CommandPlan p = kit.linux().drops().planDrop(ConnectionFilter.of("established", "", ""));
        for (CommandPlan.Step s : p.steps()) {
            List<String> argv = s.argv();
            assertEquals(spare, argv.subList(argv.size() - spare.size(), argv.size()), s.shown());
        }
        assertTrue(p.title().contains("except from 192.0.2.10 to local port 22"), p.title());
    }

    @Test
    void theSpareIsInTheCommandsThatRunAndInTheAuditLog() {
        kit.runner.answer(argv -> argv.get(0).equals("ss") ? RecordingRunner.result(argv, 0, "", "") : null);
        kit.linux().drops().drop(ConnectionFilter.of("established", "", "192.0.2.0/24"));
        assertTrue(kit.runner.calls.get(0).containsAll(List.of("dst", "192.0.2.0/24", "not", "192.0.2.10", ":22")),
                kit.runner.calls.toString());
        assertTrue(String.join("\n", kit.audit()).contains("except from 192.0.2.10 to local port 22"), kit.audit().toString());
    }

    @Test
    void aDropOfExactlyTheOwnSessionIsRefused() {
        Actions a = kit.linux();
        for (ConnectionFilter f : List.of(ConnectionFilter.of("established", "22", "192.0.2.10"),
                ConnectionFilter.of("", "22", "192.0.2.10"))) {
            ActionRefused e = assertThrows(ActionRefused.class, () -> a.drops().drop(f), f.describe());
            assertEquals(ActionRefused.Reason.INVALID, e.reason());
            assertTrue(e.getMessage().contains("your own session"), e.getMessage());
        }
        assertTrue(kit.runner.calls.isEmpty());
        // the peer's other connections may go; its SSH port stays
        List<String> argv = a.drops().planDrop(ConnectionFilter.of("", "", "192.0.2.10")).steps().get(1).argv();
        assertTrue(argv.containsAll(List.of("dst", "192.0.2.10", "not", ":22")), argv.toString());
    }

    @Test
    void freeBsdDropsEachListedConnectionButTheOwnSession() {
        Actions a = new Actions(new FreeBsdInterventions(kit.runner), kit.runner, kit.settings(Kit.ROOT, false));
        String listing = "tcpdrop 192.0.2.1 22 192.0.2.10 50000\ntcpdrop 192.0.2.1 80 192.0.2.10 50001\n"
                + "tcpdrop 192.0.2.1 22 10.99.0.5 40000\n";
        kit.runner.on(List.of("tcpdrop", "-l"), 0, listing, "");
        kit.runner.answer(argv -> argv.size() == 5 && !argv.get(1).startsWith("-")
                ? RecordingRunner.result(argv, 0, String.join(" ", argv.subList(1, 5)) + ": dropped\n", "") : null);
        a.drops().drop(ConnectionFilter.of("established", "", ""));
        assertFalse(kit.runner.calls.contains(List.of("tcpdrop", "-s", "ESTABLISHED")), "not every ESTABLISHED connection");
        assertEquals(List.of(List.of("tcpdrop", "192.0.2.1", "80", "192.0.2.10", "50001"),
                List.of("tcpdrop", "192.0.2.1", "22", "10.99.0.5", "40000")),
                kit.runner.calls.stream().filter(c -> c.size() == 5 && !c.get(1).startsWith("-")).toList());
    }

    @Test
    void macOsKillsNoPfStatesOfThePrefixThatHoldsTheOwnPeer() {
        Actions a = new Actions(new MacOsInterventions(kit.runner), kit.runner, kit.settings(Kit.ROOT, false));
        ActionRefused e = assertThrows(ActionRefused.class, () -> a.drops().drop(ConnectionFilter.of("", "", "192.0.2.0/24")));
        assertTrue(e.getMessage().contains("192.0.2.10"), e.getMessage());
        assertTrue(kit.runner.calls.isEmpty());
        assertTrue(a.drops().planDrop(ConnectionFilter.of("", "", "198.51.100.0/24")).steps().size() == 1);
    }
}
