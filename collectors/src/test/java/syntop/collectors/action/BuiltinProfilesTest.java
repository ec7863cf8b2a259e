package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import syntop.collectors.os.freebsd.FreeBsdInterventions;
import syntop.collectors.os.linux.LinuxInterventions;
import syntop.collectors.os.macos.MacOsInterventions;
import syntop.collectors.source.FsRoot;

/** The profiles syntop ships: they parse, pass their OS's rules, explain every key, and use only that OS's keys. */
class BuiltinProfilesTest {
    private static final List<Interventions> ALL = List.of(new LinuxInterventions(FsRoot.live()),
            new FreeBsdInterventions(new RecordingRunner()), new MacOsInterventions(new RecordingRunner()));

    private static List<Profile> builtins(Interventions os) {
        ProfileCatalog c = new ProfileCatalog(os, List.of(), Ids.USER);
        List<Profile> out = new ArrayList<>();
        for (String name : os.builtinProfiles()) {
            out.add(c.load(name));
        }
        return out;
    }

    @Test
    void everyOsShipsTheThreeProfilesAndEachKeyIsExplained() {
        for (Interventions os : ALL) {
            assertEquals(List.of("syn-flood", "time-wait", "fin-wait"), os.builtinProfiles());
            for (Profile p : builtins(os)) {
                assertEquals(ProfileCatalog.BUILT_IN, p.origin());
                assertFalse(p.entries().isEmpty(), p.name());
                for (Profile.Entry e : p.entries()) {
                    String where = os.os() + " " + p.name() + " " + e.key();
                    assertEquals(e.value(), os.check(e.key(), e.value()), where);
                    String note = String.join(" ", e.note());
                    assertTrue(note.contains("Risk:"), where + " says what it risks: " + note);
                    assertTrue(note.length() > 60, where + " says what it does");
                }
            }
        }
    }

    @Test
    void macOsHasNoSyncacheOrSyncookieKeys() {
        for (Profile p : builtins(ALL.get(2))) {
            for (Profile.Entry e : p.entries()) {
                assertFalse(e.key().contains("syncache") || e.key().contains("syncookie"), p.name() + ": " + e.key());
            }
        }
    }

    @Test
    void linuxNeverSuggestsTcpTwRecycle() {
        for (Profile p : builtins(ALL.get(0))) {
            for (Profile.Entry e : p.entries()) {
                assertFalse(e.key().contains("tw_recycle"), p.name());
            }
        }
        ActionRefused r = org.junit.jupiter.api.Assertions.assertThrows(ActionRefused.class,
                () -> ALL.get(0).check("net.ipv4.tcp_tw_recycle", "1"));
        assertTrue(r.getMessage().contains("4.12"), r.getMessage());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void linuxKeysExistOnThisKernel() {
        for (Profile p : builtins(ALL.get(0))) {
            for (Profile.Entry e : p.entries()) {
                Path f = Path.of("/proc/sys/" + e.key().replace('.', '/'));
                assertTrue(Files.exists(f), p.name() + ": " + e.key() + " is not on this kernel");
                assertEquals(Setting.Status.PRESENT, ALL.get(0).read(e.key()).status(), e.key());
            }
        }
    }
}
