package syntop.collectors.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class IpTest {
    @Test
    void readsAndWritesIpv4() {
        assertEquals("10.99.0.2", Ip.formatV4(Ip.parseV4("10.99.0.2").orElseThrow()));
        for (String bad : List.of("10.99.0", "10.99.0.256", "1.2.3.4.5", "a.b.c.d", "1..2.3", "1234.1.1.1", "")) {
            assertTrue(Ip.parseV4(bad).isEmpty(), bad);
        }
    }

    @Test
    void readsEveryIpv6FormAndWritesRfc5952() {
        assertEquals("::1", Ip.formatV6(Ip.parseV6("0:0:0:0:0:0:0:1").orElseThrow(), true));
        assertEquals("::", Ip.formatV6(Ip.parseV6("::").orElseThrow(), true));
        assertEquals("2001:db8::1:0:0:1", Ip.formatV6(Ip.parseV6("2001:DB8:0:0:1:0:0:1").orElseThrow(), true));
        assertEquals("fe80::fc:ff:fe00:1", Ip.formatV6(Ip.parseV6("fe80::fc:ff:fe00:1").orElseThrow(), true));
        byte[] mapped = Ip.parseV6("::ffff:10.99.0.1").orElseThrow();
        assertTrue(Ip.isV4Mapped(mapped));
        assertEquals("::ffff:10.99.0.1", Ip.formatV6(mapped, true));
        assertEquals("::ffff:a63:1", Ip.formatV6(mapped, false));
        assertEquals("2001:0db8:0000:0000:0000:0000:0000:0001", Ip.formatV6Full(Ip.parseV6("2001:db8::1").orElseThrow()));
        for (String bad : List.of("1:2:3:4:5:6:7", "1::2::3", ":1::", "1:2:3:4:5:6:7:8:9", "12345::", "::g", "01:02:03",
                "::ffff:1.2.3", "1.2.3.4")) {
            assertTrue(Ip.parseV6(bad).isEmpty(), bad);
        }
    }
}
