package syntop.collectors.action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class OwnSessionTest {
    @Test
    void sshConnectionGivesPeerAndBothPortsSshClientAddsNothingNew() {
        List<OwnSession> s = OwnSession.fromEnvironment(Map.of("SSH_CONNECTION", "198.51.100.4 50000 192.0.2.1 2222",
                "SSH_CLIENT", "198.51.100.4 50000 2222"));
        assertEquals(List.of(new OwnSession(IpPrefix.parse("198.51.100.4"), OptionalInt.of(50000), OptionalInt.of(2222),
                "SSH_CONNECTION")), s);
        assertEquals("198.51.100.4 port 50000 to local port 2222 (SSH_CONNECTION)", s.get(0).describe());
    }

    @Test
    void sshClientAloneAndIpv6() {
        List<OwnSession> s = OwnSession.fromEnvironment(Map.of("SSH_CLIENT", "2001:db8::7 41000 22"));
        assertEquals(IpPrefix.parse("2001:db8::7"), s.get(0).peer());
        assertEquals(OptionalInt.of(22), s.get(0).localPort());
    }

    @Test
    void garbageAndPrefixesAreNoSession() {
        assertEquals(List.of(), OwnSession.fromEnvironment(Map.of("SSH_CLIENT", "garbage")));
        assertEquals(List.of(), OwnSession.fromEnvironment(Map.of("SSH_CONNECTION", "10.0.0.0/8 1 10.0.0.1 22")));
        assertEquals(List.of(), OwnSession.fromEnvironment(Map.of()));
        assertEquals(OptionalInt.empty(),
                OwnSession.fromEnvironment(Map.of("SSH_CONNECTION", "10.0.0.9 1 10.0.0.1 99999")).get(0).localPort());
    }
}
