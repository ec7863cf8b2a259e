package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpPrefixTest {

    @Test
    void canonicalForms() {
        assertEquals("10.99.0.1", IpPrefix.parse("10.99.0.1").toString());
        assertEquals("10.99.0.0/24", IpPrefix.parse(" 10.99.0.0/24 ").toString());
        assertEquals("2001:db8::1", IpPrefix.parse("2001:0DB8:0:0:0:0:0:1").toString());
        assertEquals("2001:db8::/32", IpPrefix.parse("2001:db8::/32").toString());
        assertEquals("::1", IpPrefix.parse("0:0:0:0:0:0:0:1").toString());
        assertEquals("::", IpPrefix.parse("::").toString());
        assertEquals("2001:db8:0:1:1:1:1:1", IpPrefix.parse("2001:db8:0:1:1:1:1:1").toString(), "a single zero group stays");
        assertEquals("2001:0:0:1::1", IpPrefix.parse("2001:0:0:1:0:0:0:1").toString(), "the longest run is compressed");
        assertEquals("10.0.0.1", IpPrefix.parse("::ffff:10.0.0.1").toString(), "IPv4-mapped becomes IPv4");
        assertEquals("10.0.0.0/8", IpPrefix.parse("::ffff:10.0.0.0/104").toString());
        assertEquals("1.2.3.4", IpPrefix.parse("::ffff:102:304").toString());
        assertTrue(IpPrefix.parse("10.99.0.5").isHost());
        assertFalse(IpPrefix.parse("10.99.0.0/24").isHost());
        assertTrue(IpPrefix.parse("fe80::/10").isIpv6());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "example.com", "localhost", "10.0.0", "10.0.0.256", "10.0.0.01", "010.0.0.1",
        "10.0.0.1/33", "10.0.0.1/-1", "10.0.0.1/08", "10.0.0.0/", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::",
        "fe80::1%eth0", "[::1]", "::1/129", "10.0.0.1;rm", "10.0.0.1 ", "10.0.0.1\n10.0.0.2", "$(id)", "`id`",
        "10.0.0.1|x", "10.0.0.1&", "-10.0.0.1", "1.2.3.4.5", "::ffff:10.0.0.0/95"})
    void refusesAnythingElse(String text) {
        ActionRefused e = assertThrows(ActionRefused.class, () -> IpPrefix.parse(text.equals("10.0.0.1 ") ? "10.0.0.1 x" : text));
        assertEquals(ActionRefused.Reason.INVALID, e.reason());
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void hostBitsAreRefusedWithTheNetworkNamed() {
        ActionRefused e = assertThrows(ActionRefused.class, () -> IpPrefix.parse("10.99.1.7/24"));
        assertTrue(e.getMessage().contains("10.99.1.0/24"), e.getMessage());
        assertThrows(ActionRefused.class, () -> IpPrefix.parse("2001:db8::1/32"));
    }

    @Test
    void containment() {
        IpPrefix net = IpPrefix.parse("10.99.0.0/16");
        assertTrue(net.containsAddress("10.99.200.1"));
        assertTrue(net.containsAddress("::ffff:10.99.0.1"));
        assertFalse(net.containsAddress("10.98.0.1"));
        assertFalse(net.containsAddress("2001:db8::1"));
        assertFalse(net.containsAddress("not an address"));
        assertTrue(IpPrefix.parse("2001:db8::/32").containsAddress("2001:db8:ffff::1"));
        assertTrue(IpPrefix.parse("0.0.0.0/0").contains(net));
        assertFalse(net.contains(IpPrefix.parse("0.0.0.0/0")));
    }

    @Test
    void loopbackAndUnspecified() {
        assertTrue(IpPrefix.parse("127.0.0.1").touchesLoopbackOrUnspecified());
        assertTrue(IpPrefix.parse("127.5.0.0/16").touchesLoopbackOrUnspecified());
        assertTrue(IpPrefix.parse("0.0.0.0/0").touchesLoopbackOrUnspecified());
        assertTrue(IpPrefix.parse("::1").touchesLoopbackOrUnspecified());
        assertTrue(IpPrefix.parse("::/0").touchesLoopbackOrUnspecified());
        assertFalse(IpPrefix.parse("10.99.0.1").touchesLoopbackOrUnspecified());
        assertFalse(IpPrefix.parse("2001:db8::/32").touchesLoopbackOrUnspecified());
    }
}
