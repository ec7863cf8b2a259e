package syntop.collectors.os.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import syntop.collectors.Fixtures;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.Reading;
import syntop.collectors.model.TcpState;
import syntop.collectors.parse.Parsed;

class SsConnectionsParserTest {
    @Test
    void theFilteredDumpOfARealFloodCountsHalfOpenSocketsPerPortAndPeer() {
        Parsed<Reading> p = SsConnectionsParser.parse(Fixtures.lines("linux/6.18-lab-synflood-ss/cmd/ss-tan-states.txt"));
        Reading r = p.value();
        assertEquals(129, r.states().get(TcpState.SYN_RCVD));
        assertEquals(0, r.states().get(TcpState.ESTABLISHED), "not in the dump: completed from counters");
        assertEquals(129L, r.synRecvByPort().get(8080));
        assertEquals(List.of(new AddressCount("10.99.0.1", 129)), r.remotes().get(TcpState.SYN_RCVD));
        assertTrue(p.unparsed().isEmpty());
        assertEquals(2, r.listeners().size());
        assertEquals(17, r.listeners().get(0).acceptQueue());
        assertEquals(16, r.listeners().get(0).limit().getAsLong());
        assertEquals(8080, r.listeners().get(1).port());
    }

    @Test
    void ipv6AndMappedPeersAndEveryPileUpState() {
        Reading r = SsConnectionsParser.parse(List.of(
                "FIN-WAIT-1 0 5 [2001:db8::2]:443 [2001:db8::9]:50000",
                "CLOSE-WAIT 1 0 [::ffff:10.0.0.1]:80 [::ffff:192.0.2.7]:4000",
                "LAST-ACK 0 1 10.0.0.1:80 192.0.2.7:4001",
                "SYN-SENT 0 1 10.0.0.1:5555 192.0.2.8:80")).value();
        assertEquals("2001:db8::9", r.remotes().get(TcpState.FIN_WAIT_1).get(0).address());
        assertEquals("192.0.2.7", r.remotes().get(TcpState.CLOSE_WAIT).get(0).address());
        assertEquals(1, r.states().get(TcpState.LAST_ACK));
        assertEquals(1, r.states().get(TcpState.SYN_SENT));
        assertTrue(r.remotes().get(TcpState.SYN_SENT) == null, "SYN_SENT is ours, not a pile-up of peers");
    }

    @Test
    void rowsWithoutAStateColumnAreNotGuessed() {
        Parsed<Reading> p = SsConnectionsParser.parse(List.of("0 0 10.99.0.2:8080 10.99.0.1:1677"));
        assertTrue(p.inputNotUnderstood());
        assertTrue(p.value().states().isEmpty());
    }

    @Test
    void anEmptyDumpMeansNoneOfTheseStates() {
        Parsed<Reading> p = SsConnectionsParser.parse(List.of());
        assertTrue(!p.inputNotUnderstood() && !p.value().states().isEmpty(), "ss -H prints nothing when all is calm");
        assertEquals(0, p.value().states().total());
    }
}
