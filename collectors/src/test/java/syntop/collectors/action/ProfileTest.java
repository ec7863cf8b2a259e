package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void anEmptyProfileIsRefused() {
        assertThrows(ActionRefused.class, () -> Profile.parse("e", "e.conf", List.of("# nothing", "")));
    }
}
