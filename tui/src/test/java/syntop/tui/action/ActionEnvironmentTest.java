package syntop.tui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.Identity;

class ActionEnvironmentTest {
    @TempDir
    Path tmp;

    @Test
    void rootKeepsSystemPathsAUserKeepsXdgPaths() {
        ActionEnvironment.Paths root = ActionEnvironment.Paths.of(Identity.of(0, "root"), Map.of("HOME", "/root"));
        assertEquals(Path.of("/var/log/syntop/audit.log"), root.auditLog());
        assertEquals(Path.of("/var/lib/syntop"), root.stateDir());
        assertEquals(List.of(Path.of("/root/.config/syntop/profiles"), Path.of("/etc/syntop/profiles")), root.profileDirs());
        ActionEnvironment.Paths user = ActionEnvironment.Paths.of(Identity.of(1000, "alice"),
                Map.of("HOME", "/home/alice", "XDG_STATE_HOME", "/home/alice/st"));
        assertEquals(Path.of("/home/alice/st/syntop/audit.log"), user.auditLog());
        assertEquals(Path.of("/home/alice/.config/syntop/profiles"), user.profileDirs().get(0));
        assertEquals(Path.of("/home/alice/.local/state/syntop/audit.log"),
                ActionEnvironment.Paths.of(Identity.of(1000, "alice"), Map.of("HOME", "/home/alice")).auditLog());
    }

    @Test
    void configNamesTheTableAndPathsAndRefusesUnknownKeysAndUnsafeFiles() throws Exception {
        Path f = Files.writeString(tmp.resolve("syntop.conf"), "# comment\nblock_table = flood\naudit_log = /tmp/a.log\n");
        Path g = Files.writeString(tmp.resolve("user.conf"), "block_set = bad4\n");
        ActionConfig c = ActionConfig.read(List.of(f, g, tmp.resolve("missing.conf")), Identity.of(1000, "alice"));
        assertEquals("flood", c.blockTarget().table());
        assertEquals("bad4", c.blockTarget().set());
        assertEquals(Path.of("/tmp/a.log"), c.auditLog().orElseThrow());
        Files.writeString(g, "block_tabel = x\n");
        ActionRefused typo = assertThrows(ActionRefused.class, () -> ActionConfig.read(List.of(g), Identity.of(1000, "a")));
        assertTrue(typo.getMessage().contains("unknown key 'block_tabel'"), typo.getMessage());
        Files.writeString(g, "block_table = no;pe\n");
        assertThrows(ActionRefused.class, () -> ActionConfig.read(List.of(g), Identity.of(1000, "a")));
        Files.writeString(g, "state_dir = relative/dir\n");
        assertThrows(ActionRefused.class, () -> ActionConfig.read(List.of(g), Identity.of(1000, "a")));
        Files.writeString(g, "block_table = ok\n");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(g, PosixFilePermissions.fromString("rw-rw-rw-"));
        if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
            assertEquals(ActionRefused.Reason.UNSAFE_FILE, assertThrows(ActionRefused.class,
                    () -> ActionConfig.read(List.of(g), Identity.of(0, "root"))).reason());
        }
    }
}
