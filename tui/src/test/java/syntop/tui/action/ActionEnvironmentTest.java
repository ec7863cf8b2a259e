package syntop.tui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.Identity;
import syntop.collectors.action.IpPrefix;
import syntop.collectors.action.OwnSession;
import syntop.collectors.model.HostInfo;
import syntop.collectors.model.OsFamily;
import syntop.collectors.platform.Platform;
import syntop.collectors.source.FsRoot;
import syntop.collectors.source.Source;

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
    void theSessionFromTheProcessTablesComesFirstAndTheEnvironmentAddsOnlyWhatIsNew() {
        OwnSession probed = new OwnSession(IpPrefix.parse("198.51.100.4"), OptionalInt.of(50000), OptionalInt.of(22),
                "the TCP socket of sshd process 812");
        Platform linux = new Platform() {
            @Override
            public OsFamily os() {
                return OsFamily.LINUX;
            }

            @Override
            public HostInfo host() {
                return new HostInfo("h", OsFamily.LINUX, "test");
            }

            @Override
            public List<Source> sources() {
                return List.of();
            }

            @Override
            public Optional<OwnSession> sshSession(FsRoot root, long pid) {
                assertEquals(ProcessHandle.current().pid(), pid);
                return Optional.of(probed);
            }
        };
        Map<String, String> env = Map.of("SSH_CONNECTION", "198.51.100.4 50000 192.0.2.1 22", "SSH_CLIENT", "203.0.113.9 1 22");
        List<OwnSession> own = ActionEnvironment.ownSessions(Optional.of(linux), FsRoot.live(), env);
        assertEquals(List.of(probed, OwnSession.fromEnvironment(Map.of("SSH_CLIENT", "203.0.113.9 1 22")).get(0)), own);
        assertEquals(List.of(), ActionEnvironment.ownSessions(Optional.empty(), FsRoot.live(), Map.of()), "sudo stripped it all");
    }

    @Test
    void configNamesTheTableAndPathsAndRefusesUnknownKeysAndUnsafeFiles() throws Exception {
        Path f = Files.writeString(tmp.resolve("syntop.conf"), "# comment\nblock_table = flood\naudit_log = /tmp/a.log\n");
        Path g = Files.writeString(tmp.resolve("user.conf"), "block_set = bad4\n");
        ActionConfig c = ActionConfig.read(List.of(f, g, tmp.resolve("missing.conf")), Identity.of(1000, "alice"));
        assertEquals("flood", c.blockTarget().table());
        assertEquals("bad4", c.blockTarget().set());
        assertEquals(Path.of("/tmp/a.log"), c.auditLog().orElseThrow());
        Files.writeString(g, "block_set = bad4\ntheme = mono\ndelay = 2\nsort = port\nascii = no\n");
        assertEquals("bad4", ActionConfig.read(List.of(g), Identity.of(1000, "a")).blockTarget().set(),
                "the console's preferences share the file");
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
