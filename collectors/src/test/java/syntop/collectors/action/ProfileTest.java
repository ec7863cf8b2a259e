package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void parsesSysctlConfSyntaxWithNotes() {
        Profile p = Profile.parse("t", "test", List.of(
                "# header, cut off by the blank line",
                "",
                "# what it does",
                "; and what it risks",
                "net.ipv4.tcp_syncookies = 1",
                "net.ipv4.ip_local_port_range=1024\t65535",
                "  kern.ipc.somaxconn   =   4096  "));
        assertEquals(3, p.entries().size());
        assertEquals(List.of("what it does", "and what it risks"), p.entries().get(0).note());
        assertEquals("1024 65535", p.entries().get(1).value());
        assertEquals(List.of(), p.entries().get(1).note());
        assertEquals("kern.ipc.somaxconn", p.entries().get(2).key());
        assertEquals(7, p.entries().get(2).line());
    }

    @Test
    void reportsEveryBadLineAndUsesNothing() {
        ActionRefused e = assertThrows(ActionRefused.class, () -> Profile.parse("bad", "bad.conf", List.of(
                "net.ipv4.tcp_syncookies = 1",
                "just words",
                "net.ipv4.tcp_syncookies = 2",
                "net.ipv4.x = $(reboot)",
                "-net.ipv4.y = 1",
                "net/ipv4/z = 1")));
        String m = e.getMessage();
        assertEquals(ActionRefused.Reason.INVALID, e.reason());
        for (String want : new String[] {"line 2", "line 3", "twice", "line 4", "line 5", "line 6", "dots"}) {
            assertTrue(m.contains(want), want + " in " + m);
        }
    }

    @Test
    void aLineThatDoesNotParseIsNeverQuoted() {
        List<String> shadow = List.of("root:$6$Zq1Rsecret$hashhashhash:19000:0:99999:7:::",
                "daemon:*:19000:0:99999:7:::", "kernel.core_pattern = |/tmp/own", "net.core.somaxconn = p@ss word;");
        ActionRefused e = assertThrows(ActionRefused.class, () -> Profile.parse("x", "x.conf", shadow));
        String m = e.getMessage();
        for (String secret : new String[] {"root", "$6$", "secret", "hash", "daemon", "19000", "core_pattern", "/tmp/own", "p@ss"}) {
            assertFalse(m.contains(secret), secret + " leaked in: " + m);
        }
        for (String want : new String[] {"line 1: not 'key = value'", "line 2", "line 3: not a key syntop tunes",
            "line 4: net.core.somaxconn: not a value"}) {
            assertTrue(m.contains(want), want + " in " + m);
        }
    }

    @Test
    void onlyKeysSyntopTunesAreAccepted() {
        for (String key : new String[] {"kernel.core_pattern", "kernel.randomize_va_space", "fs.suid_dumpable", "vm.overcommit_memory",
            "kern.securelevel", "security.bsd.see_other_uids"}) {
            assertThrows(ActionRefused.class, () -> Profile.parse("x", "x.conf", List.of(key + " = 0")), key);
            assertThrows(ActionRefused.class, () -> Inputs.tunableKey(key), key);
        }
        for (String key : new String[] {"net.ipv4.tcp_syncookies", "net.core.somaxconn", "net.inet.tcp.msl", "kern.ipc.somaxconn",
            "kern.ipc.soacceptqueue"}) {
            assertEquals(key, Inputs.tunableKey(key));
        }
    }

    @Test
    void anEmptyProfileIsRefused() {
        assertThrows(ActionRefused.class, () -> Profile.parse("e", "e.conf", List.of("# nothing", "")));
    }
}
