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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.os.linux.LinuxInterventions;
import syntop.collectors.source.FsRoot;

/** The audit record comes first, refusals are on record with what they concerned, and state changes last. */
class AuditFirstTest {
    @TempDir
    Path tmp;
    Kit kit;

    @BeforeEach
    void setUp() {
        kit = new Kit(tmp).linuxKeys(Map.of("net.ipv4.tcp_syncookies", "1", "net.ipv4.tcp_synack_retries", "5"));
    }

    private Actions withAuditLog(Path log) {
        Actions.Settings s = kit.settings(Kit.ROOT, false);
        return new Actions(new LinuxInterventions(new FsRoot(kit.proc)), kit.runner, new Actions.Settings(false, s.identity(),
                s.stateDir(), log, s.profileDirs(), s.blockTarget(), s.ownSessions(), s.clock()));
    }

    private static Profile profile(String name, String... lines) {
        return Profile.parse(name, "test", List.of(lines));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aLogThatTakesNothingRefusesEveryActionBeforeAnythingRuns() {
        Actions a = withAuditLog(Path.of("/dev/full"));
        List<Runnable> actions = List.of(
                () -> a.tuning().apply(profile("p", "net.ipv4.tcp_syncookies = 2")),
                () -> a.drops().drop(ConnectionFilter.of("syn-recv", "8080", "")),
                () -> a.blocks().block(List.of(IpPrefix.parse("10.99.0.1"))),
                () -> a.blocks().unblock(List.of(IpPrefix.parse("10.99.0.1"))));
        for (Runnable r : actions) {
            ActionRefused e = assertThrows(ActionRefused.class, r::run);
            assertEquals(ActionRefused.Reason.UNRECORDED, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("/dev/full") && e.getMessage().contains("does not act unrecorded"), e.getMessage());
        }
        assertTrue(kit.runner.calls.isEmpty(), kit.runner.calls.toString());
        assertEquals("1", kit.proc("net.ipv4.tcp_syncookies"));
        assertFalse(Files.exists(kit.state().resolve("undo.state")));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void undoWithALogThatTakesNothingKeepsItsSectionAndTheKernel() throws Exception {
        assertTrue(kit.linux().tuning().apply(profile("p", "net.ipv4.tcp_syncookies = 2")).ok());
        String saved = Files.readString(kit.state().resolve("undo.state"));
        int before = kit.runner.calls.size();
        ActionRefused e = assertThrows(ActionRefused.class, () -> withAuditLog(Path.of("/dev/full")).tuning().undo());
        assertEquals(ActionRefused.Reason.UNRECORDED, e.reason());
        assertEquals(before, kit.runner.calls.size(), "nothing ran");
        assertEquals("2", kit.proc("net.ipv4.tcp_syncookies"));
        assertEquals(saved, Files.readString(kit.state().resolve("undo.state")), "the section is kept as it was");
    }

    @Test
    void theIntentIsOnRecordBeforeTheFirstCommandAndTheOutcomeAfterTheLast() {
        List<Integer> linesWhenSysctlRan = new ArrayList<>();
        kit.runner.answer(argv -> {
            if (argv.get(0).equals("sysctl")) {
                linesWhenSysctlRan.add(kit.audit().size());
            }
            return null;
        });
        assertTrue(kit.linux().tuning().apply(profile("p", "net.ipv4.tcp_syncookies = 2", "net.ipv4.tcp_synack_retries = 2")).ok());
        List<String> log = kit.audit();
        assertTrue(log.get(0).contains("\"action\":\"apply p\"") && log.get(0).contains("\"intent\":true")
                && log.get(0).contains("\"subjects\":[\"net.ipv4.tcp_syncookies=2\",\"net.ipv4.tcp_synack_retries=2\"]")
                && log.get(0).contains("\"netns\":\"" + Kit.NAMESPACE + "\""), log.get(0));
        assertTrue(linesWhenSysctlRan.get(0) >= 2, "intent and the saved values are on record before the first sysctl: " + log);
        String last = log.get(log.size() - 1);
        assertTrue(last.contains("\"result\":\"ok\"") && last.contains("2 of 2 changed"), last);
    }

    @Test
    void everyRefusalIsOnRecordWithItsAddressesOrKeys() {
        assertThrows(ActionRefused.class, () -> kit.linux(Kit.USER, false).blocks().block(List.of(IpPrefix.parse("10.99.0.1"))));
        assertThrows(ActionRefused.class, () -> kit.linux(Kit.ROOT, true).tuning().apply(profile("p", "net.ipv4.tcp_syncookies = 2")));
        assertThrows(ActionRefused.class, () -> kit.linux().tuning().apply(profile("bad", "net.ipv4.tcp_syncookies = 9")));
        assertThrows(ActionRefused.class, () -> kit.linux().blocks().block(List.of(IpPrefix.parse("192.0.2.10"))));
        List<String> log = kit.audit();
        assertEquals(4, log.size(), String.join("\n", log));
        assertTrue(log.get(0).contains("\"subjects\":[\"10.99.0.1\"]") && log.get(0).contains("needs root"), log.get(0));
        assertTrue(log.get(1).contains("\"subjects\":[\"net.ipv4.tcp_syncookies=2\"]") && log.get(1).contains("read-only"), log.get(1));
        assertTrue(log.get(2).contains("\"subjects\":[\"net.ipv4.tcp_syncookies=9\"]") && log.get(2).contains("0..2"), log.get(2));
        assertTrue(log.get(3).contains("\"subjects\":[\"192.0.2.10\"]") && log.get(3).contains("your own session"), log.get(3));
        assertTrue(kit.runner.calls.isEmpty());
    }

    @Test
    void concurrentAppliesEachKeepTheirUndoSection() throws Exception {
        int n = 8;
        kit.runner.answer(argv -> {
            try {
                Thread.sleep(2); // widen the read-modify-write window, as a slow sysctl would
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<ActionReport>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int v = 10 + i;
                runs.add(pool.submit(() -> kit.linux().tuning().apply(profile("p" + v, "net.ipv4.tcp_synack_retries = " + v))));
            }
            for (Future<ActionReport> f : runs) {
                assertTrue(f.get().ok(), f.get().toString());
            }
        } finally {
            pool.shutdownNow();
        }
        UndoState u = new UndoState(kit.state().resolve("undo.state"), Kit.NAMESPACE);
        assertEquals(n, u.read().size(), Files.readString(u.file()));
        for (int i = 0; i < n; i++) {
            assertTrue(kit.linux().tuning().undo().ok());
        }
        assertEquals("5", kit.proc("net.ipv4.tcp_synack_retries"), "undo walks back through every apply to the first value");
        try (var files = Files.list(kit.state())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }
}
