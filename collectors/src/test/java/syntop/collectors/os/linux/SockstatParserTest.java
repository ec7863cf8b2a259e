package syntop.collectors.os.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import syntop.collectors.Fixtures;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;

class SockstatParserTest {
    @Test
    void tcpLineGivesInUseOrphansAndTimeWait() {
        Reading r = SockstatParser.parse(Fixtures.lines("linux/procfs/proc/net/sockstat")).value();
        assertEquals(35, r.counters().get(CounterId.SOCKETS_IN_USE).getAsLong());
        assertEquals(0, r.counters().get(CounterId.SOCKETS_ORPHANED).getAsLong());
        assertEquals(4, r.counters().get(CounterId.SOCKETS_TIME_WAIT).getAsLong());
        assertEquals(22, r.counters().raw().get("sockstat.TCP.mem"));
        assertEquals(1, SockstatParser.parse(Fixtures.lines("linux/sysstat/proc/net/sockstat")).value().counters()
                .get(CounterId.SOCKETS_TIME_WAIT).getAsLong());
        Reading node = SockstatParser.parse(Fixtures.lines("linux/node_exporter/proc/net/sockstat")).value();
        assertEquals(229, node.counters().raw().get("sockstat.sockets.used"));
        assertEquals(0, node.counters().raw().get("sockstat.FRAG.memory"));
    }

    @Test
    void oddLinesAreReported() {
        Parsed<Reading> p = SockstatParser.parse(List.of("TCP: inuse x orphan", "nonsense"));
        assertTrue(p.inputNotUnderstood());
        assertEquals(2, p.unparsed().size());
    }
}
