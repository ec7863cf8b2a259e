package syntop.collectors.os.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import syntop.collectors.action.ActionRefused;
import syntop.collectors.action.BlockTarget;
import syntop.collectors.action.Interventions;
import syntop.collectors.os.freebsd.FreeBsdInterventions;
import syntop.collectors.os.macos.MacOsInterventions;

/** What the two BSDs' interventions share, and the little in which they differ: key rules and the sysctl set argv. */
class BsdInterventionsTest {
    private final Interventions freebsd = new FreeBsdInterventions(new FakeRunner());
    private final Interventions macos = new MacOsInterventions(new FakeRunner());

    private static String refusal(Interventions os, String key, String value) {
        return assertThrows(ActionRefused.class, () -> os.check(key, value)).getMessage();
    }

    @Test
    void keysBothHaveTakeTheSameValues() {
        for (Interventions os : List.of(freebsd, macos)) {
            assertEquals("net.inet.tcp.msl: 10 is outside 1000..120000 (milliseconds; sanity bound)",
                    refusal(os, "net.inet.tcp.msl", "10"));
            assertEquals("net.inet.tcp.blackhole: 3 is outside 0..2 (0 off, 1 SYN only, 2 all)",
                    refusal(os, "net.inet.tcp.blackhole", "3"));
            assertEquals("net.inet.tcp.drop_synfin: 2 is outside 0..1 (a switch)", refusal(os, "net.inet.tcp.drop_synfin", "2"));
            assertEquals("net.inet.ip.portrange.last: 0 is outside 1..65535 (a port)",
                    refusal(os, "net.inet.ip.portrange.last", "0"));
            assertEquals("75000", os.check("net.inet.tcp.keepinit", "75000"));
        }
    }

    @Test
    void eachOsKeepsItsOwnLimits() {
        assertEquals("40000", freebsd.check("kern.ipc.somaxconn", "40000"));
        assertEquals("kern.ipc.somaxconn: 40000 is outside 16..32767 (the kernel keeps it in 16 bits)",
                refusal(macos, "kern.ipc.somaxconn", "40000"));
        assertEquals("net.inet.tcp.syncookies: 2 is outside 0..1 (a switch)", refusal(freebsd, "net.inet.tcp.syncookies", "2"));
        assertEquals("2", macos.check("net.inet.tcp.syncookies", "2"), "a key macOS lacks has no rule there");
        assertEquals("net.inet.tcp.keepcnt: 0 is outside 1..64 (probes; sanity bound)", refusal(macos, "net.inet.tcp.keepcnt", "0"));
    }

    @Test
    void freeBsdSetsWithKeyEqualsValueAndMacOsWithMinusW() {
        assertEquals(List.of("sysctl", "kern.ipc.somaxconn=1024"), freebsd.sysctlWrite("kern.ipc.somaxconn", "1024"));
        assertEquals(List.of("sysctl", "-w", "kern.ipc.somaxconn=1024"), macos.sysctlWrite("kern.ipc.somaxconn", "1024"));
    }

    @Test
    void bothBlockInPfAndOfferItsSynProxy() {
        for (Interventions os : List.of(freebsd, macos)) {
            assertEquals("pf table <syntop> in anchor syntop", os.describe(BlockTarget.DEFAULT));
            assertEquals("pf anchor \"syntop/synproxy\"", os.synproxy().orElseThrow().object());
            assertEquals(List.of("syn-flood", "time-wait", "fin-wait"), os.builtinProfiles());
        }
    }
}
