package syntop.collectors.os.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import syntop.collectors.Fixtures;
import syntop.collectors.model.CounterId;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;

class ProcNetPairsParserTest {

    private static Parsed<Reading> parse(String fixture) {
        return ProcNetPairsParser.parse(Fixtures.lines(fixture));
    }

    @Test
    void netstatOfALabSynFloodHasTheDropCounters() {
        Parsed<Reading> p = parse("linux/6.18-lab-synflood/proc/net/netstat");
        Reading r = p.value();
        assertEquals(271, r.counters().get(CounterId.SYN_QUEUE_FULL_DROPS).getAsLong());
        assertEquals(363, r.counters().get(CounterId.LISTEN_DROPS).getAsLong());
        assertEquals(92, r.counters().get(CounterId.LISTEN_OVERFLOWS).getAsLong());
        assertEquals(0, r.counters().get(CounterId.SYNCOOKIES_SENT).getAsLong());
        assertTrue(p.unparsed().isEmpty(), p.unparsed().toString());
    }

    @Test
    void everyFieldIsKeptUnderItsNstatName() {
        Reading node = parse("linux/node_exporter/proc/net/netstat").value();
        assertEquals(388812, node.counters().raw().get("TcpExtTW"));
        assertEquals(6286396970L, node.counters().raw().get("IpExtInOctets"));
        assertEquals(96, node.counters().raw().size());
        // a 5.x kernel adds a third section, MPTcpExt
        Reading dd = parse("linux/5.x-datadog/proc/net/netstat").value();
        assertEquals(163, dd.counters().raw().size());
        assertEquals(0, dd.counters().raw().get("MPTcpExtMPCapableSYNRX"));
        assertEquals(3959869, dd.counters().raw().get("TcpExtTW"));
        assertEquals(152, parse("linux/5.x-jc/proc/net/netstat").value().counters().raw().size());
    }

    @Test
    void snmpGivesOpensRetransmitsAndResets() {
        Reading r = parse("linux/node_exporter/proc/net/snmp").value();
        assertEquals(3556, r.counters().get(CounterId.ACTIVE_OPENS).getAsLong());
        assertEquals(230, r.counters().get(CounterId.PASSIVE_OPENS).getAsLong());
        assertEquals(227, r.counters().get(CounterId.SEGMENTS_RETRANSMITTED).getAsLong());
        assertEquals(1003, r.counters().get(CounterId.RESETS_SENT).getAsLong());
        assertEquals(-1, r.counters().raw().get("TcpMaxConn"));
        assertEquals(88542, r.counters().raw().get("UdpInDatagrams"));
        // the Udp line differs by kernel (IgnoredMulti, MemErrors): names stay paired with their values
        assertEquals(10179, parse("linux/procfs/proc/net/snmp").value().counters().raw().get("UdpInDatagrams"));
        assertEquals(4198, parse("linux/sysstat/proc/net/snmp").value().counters().raw().get("UdpInDatagrams"));
        assertEquals(6828054, parse("linux/5.x-datadog/proc/net/snmp").value().counters().get(CounterId.ACTIVE_OPENS)
                .getAsLong());
    }

    @Test
    void aValueLineWithTheWrongNumberOfFieldsIsReportedNotMisaligned() {
        Parsed<Reading> p = ProcNetPairsParser.parse(List.of(
                "TcpExt: SyncookiesSent SyncookiesRecv", "TcpExt: 5",
                "Tcp: ActiveOpens", "Tcp: 7"));
        assertFalse(p.value().counters().has(CounterId.SYNCOOKIES_SENT));
        assertEquals(7, p.value().counters().get(CounterId.ACTIVE_OPENS).getAsLong());
        assertEquals(List.of("TcpExt: SyncookiesSent SyncookiesRecv", "TcpExt: 5"), p.unparsed()); // neither line is read
        assertTrue(p.notes().get(0).contains("2 names but 1 values"), p.notes().toString());
    }

    @Test
    void garbageIsNotUnderstood() {
        assertTrue(ProcNetPairsParser.parse(List.of()).inputNotUnderstood());
        Parsed<Reading> p = ProcNetPairsParser.parse(List.of("hello world", "\u0000\u0001binary"));
        assertTrue(p.inputNotUnderstood());
        assertEquals(2, p.unparsed().size());
    }
}
