package syntop.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConnectionGateTest {
    private final List<String> evicted = new ArrayList<>();

    private ConnectionGate.Admission admit(ConnectionGate g, String client, String name) {
        ConnectionGate.Admission a = g.admit(client, () -> evicted.add(name));
        a.evicted().ifPresent(Runnable::run);
        return a;
    }

    @Test
    void oneClientGetsAtMostItsShare() {
        ConnectionGate g = new ConnectionGate(64, 8, 8);
        for (int i = 0; i < 500; i++) {
            admit(g, "10.0.0.1", "a" + i);
        }
        assertEquals(8, g.openBy("10.0.0.1"));
        assertTrue(admit(g, "10.0.0.2", "prometheus").ticket().isPresent());
        assertTrue(evicted.isEmpty());
    }

    @Test
    void theReservedSlotsGoOnlyToClientsHoldingNone() {
        ConnectionGate g = new ConnectionGate(16, 4, 4);
        for (int c = 1; c <= 3; c++) {
            for (int i = 0; i < 4; i++) {
                assertTrue(admit(g, "10.0.0." + c, "c" + c).ticket().isPresent());
            }
        }
        assertEquals(12, g.open());
        assertTrue(admit(g, "10.0.0.4", "d").ticket().isPresent(), "a client holding none takes a reserved slot");
        assertFalse(admit(g, "10.0.0.4", "d").ticket().isPresent(), "but only one while the rest are reserved");
        for (int c = 5; c <= 7; c++) {
            assertTrue(admit(g, "10.0.0." + c, "n" + c).ticket().isPresent());
        }
        assertEquals(16, g.open());
        assertTrue(evicted.isEmpty());
    }

    @Test
    void whenFullANewcomerTakesTheOldestWaitingConnectionOfTheBiggestHolder() {
        ConnectionGate g = new ConnectionGate(4, 3, 1);
        ConnectionGate.Ticket first = admit(g, "10.0.0.1", "a0").ticket().orElseThrow();
        admit(g, "10.0.0.1", "a1");
        admit(g, "10.0.0.1", "a2");
        admit(g, "10.0.0.2", "b0");
        assertEquals(4, g.open());
        g.answering(first, true); // being answered: never taken
        assertTrue(admit(g, "10.0.0.3", "c0").ticket().isPresent());
        assertEquals(List.of("a1"), evicted);
        assertEquals(2, g.openBy("10.0.0.1"));
        g.release(first);
        assertEquals(1, g.openBy("10.0.0.1"));
    }

    @Test
    void noOneIsEvictedForAClientThatAlreadyHoldsOneNorFromAClientHoldingOnlyOne() {
        ConnectionGate g = new ConnectionGate(3, 2, 1);
        admit(g, "10.0.0.1", "a");
        admit(g, "10.0.0.2", "b");
        admit(g, "10.0.0.3", "c");
        assertFalse(admit(g, "10.0.0.4", "d").ticket().isPresent(), "every holder has one: nothing to take");
        assertFalse(admit(g, "10.0.0.1", "a2").ticket().isPresent());
        assertTrue(evicted.isEmpty());
    }

    @Test
    void anEvictedConnectionReleasedLaterIsNotCountedTwice() {
        ConnectionGate g = new ConnectionGate(2, 2, 0);
        ConnectionGate.Ticket a0 = admit(g, "10.0.0.1", "a0").ticket().orElseThrow();
        admit(g, "10.0.0.1", "a1");
        admit(g, "10.0.0.2", "b0");
        assertEquals(List.of("a0"), evicted);
        g.release(a0);
        assertEquals(2, g.open());
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64() throws Exception {
        assertEquals(ConnectionGate.clientOf(InetAddress.getByName("2001:db8:1:2::1")),
                ConnectionGate.clientOf(InetAddress.getByName("2001:db8:1:2:a:b:c:d")));
        assertEquals("2001:db8:1:2::/64", ConnectionGate.clientOf(InetAddress.getByName("2001:db8:1:2::1")));
        assertFalse(ConnectionGate.clientOf(InetAddress.getByName("2001:db8:1:3::1"))
                .equals(ConnectionGate.clientOf(InetAddress.getByName("2001:db8:1:2::1"))));
        assertEquals("192.0.2.7", ConnectionGate.clientOf(InetAddress.getByName("192.0.2.7")));
        assertEquals("192.0.2.7", ConnectionGate.clientOf(InetAddress.getByName("::ffff:192.0.2.7")));
    }
}
