package syntop.collectors.os.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.Reading;
import syntop.collectors.model.TcpState;
import syntop.collectors.parse.Parsed;

class NetstatTcpStatsParserTest {

    private static Parsed<Reading> parse(String fixture, Dialect d) {
        return NetstatTcpStatsParser.parse(Fixtures.lines(fixture), d);
    }

    private static long raw(Parsed<Reading> p, String name) {
        Long v = p.value().counters().raw().get(NetstatTcpStatsParser.PREFIX + name);
        if (v == null) {
            throw new AssertionError("no raw counter '" + name + "' in " + p.value().counters().raw().keySet());
        }
        return v;
    }

    private static long id(Parsed<Reading> p, CounterId id) {
        return p.value().counters().get(id).orElseThrow(() -> new AssertionError("no " + id));
    }

    @Test
    void oldOsXWithRealNumbers() {
        Parsed<Reading> p = parse("macos/10.8to10.10-stripchart/cmd/netstat-s-p-tcp.txt", Dialect.MACOS);
        assertEquals(List.of(), p.unparsed());
        assertEquals(70, p.understood());
        assertTrue(p.needsRoot().isEmpty());
        assertEquals(6878757, id(p, CounterId.SEGMENTS_SENT));
        assertEquals(7402898, id(p, CounterId.SEGMENTS_RECEIVED));
        assertEquals(158547, id(p, CounterId.SEGMENTS_RETRANSMITTED));
        assertEquals(472655, id(p, CounterId.ACTIVE_OPENS));
        assertEquals(3573, id(p, CounterId.PASSIVE_OPENS));
        assertEquals(5, id(p, CounterId.ATTEMPT_FAILS));
        assertEquals(21, id(p, CounterId.LISTEN_OVERFLOWS));
        assertEquals(352030, id(p, CounterId.EMBRYONIC_DROPPED));
        // two numbers on one line: each has a name
        assertEquals(1509288, raw(p, "packet sent: data packet"));
        assertEquals(741004496, raw(p, "packet sent: data packet (byte)"));
        assertEquals(106210357, raw(p, "packet sent: data packet retransmitted (byte)"));
        assertEquals(39601, raw(p, "packet sent: ack-only packet (delayed)"));
        assertEquals(730507423, raw(p, "packet received: ack (for byte)"));
        assertEquals(478728, raw(p, "connection closed"));
        assertEquals(35378, raw(p, "connection closed (including drop)"));
        assertEquals(1747114, raw(p, "segment updated rtt (of attempt)"));
        // the same text under "sent" and "received" is told apart by the line above it
        assertEquals(835713, raw(p, "packet sent: window update packet"));
        assertEquals(18699, raw(p, "packet received: window update packet"));
        assertEquals(3020674, raw(p, "packet sent: checksummed in software: segment over IPv4"));
        assertEquals(3160449, raw(p, "packet received: checksummed in software: segment over IPv4"));
        // "1 connection dropped" (singular) and "3768 connections dropped" share a naming scheme
        assertEquals(1, raw(p, "persist timeout: connection dropped by persist timeout"));
        assertEquals(3768, raw(p, "retransmit timeout: connection dropped by rexmit timeout"));
        // pre-10.11 LRO lines, gone in later releases
        assertEquals(0, raw(p, "LRO coalesced packet: time LRO coalesced 3 or 4 packet"));
        assertEquals(20682, raw(p, "time cumulative ack advanced along with SACK"));
        assertFalse(p.value().counters().has(CounterId.SYNCACHE_ADDED));
        assertTrue(p.value().states().isEmpty());
    }

    @Test
    void osXServerSingularBadConnectionAttempt() {
        Parsed<Reading> p = parse("macos/osx-server-rtl8111/cmd/netstat-s.txt", Dialect.MACOS);
        assertEquals(List.of(), p.unparsed());
        assertEquals(1, id(p, CounterId.ATTEMPT_FAILS)); // "1 bad connection attempt"
        assertEquals(0, id(p, CounterId.LISTEN_OVERFLOWS));
        assertEquals(96, id(p, CounterId.ACTIVE_OPENS));
        assertEquals(102, id(p, CounterId.PASSIVE_OPENS));
        assertEquals(40440, id(p, CounterId.SEGMENTS_RETRANSMITTED));
        assertEquals(0, raw(p, "packet received: received packet dropped due to low memory"));
        assertEquals(162, raw(p, "connection established (including accept)"));
        assertTrue(p.needsRoot().isEmpty());
    }

    @Test
    void macOsZeroedForNonRootNeedsRoot() {
        Parsed<Reading> p = parse("macos/11plus-datadog/cmd/netstat-s-p-tcp.txt", Dialect.MACOS);
        assertEquals(List.of(), p.unparsed());
        assertEquals(NetstatTcpStatsParser.NEEDS_ROOT, p.needsRoot().orElseThrow());
        assertEquals(0, id(p, CounterId.SEGMENTS_SENT));
        // macOS singular for zero ("0 packet sent", "0 data packet (0 byte)") names the same counters as plural forms
        assertEquals(0, raw(p, "packet sent: data packet (byte)"));
        assertEquals(0, raw(p, "connection closed (including drop)"));
        assertEquals(0, raw(p, "retransmit timeout: unnecessary packet retransmission"));
        assertEquals(0, raw(p, "connection had stretch ack algorithm disabled"));
        assertEquals(0, raw(p, "probe timeout: time recovered last packet"));
    }

    @Test
    void zeroesOnFreeBsdAreJustZeroes() {
        Parsed<Reading> p = parse("macos/11plus-datadog/cmd/netstat-s-p-tcp.txt", Dialect.FREEBSD);
        assertTrue(p.needsRoot().isEmpty());
        Parsed<Reading> fresh = parse("freebsd/13or14-drmkmod68/cmd/netstat-s.txt", Dialect.FREEBSD);
        assertTrue(fresh.needsRoot().isEmpty());
    }

    @Test
    void freeBsd13HeadOfFreshBoot() {
        Parsed<Reading> p = parse("freebsd/13or14-drmkmod68/cmd/netstat-s.txt", Dialect.FREEBSD);
        assertEquals(List.of(), p.unparsed());
        assertEquals(41, p.understood());
        assertEquals(4, raw(p, "connection closed"));
        assertEquals(0, raw(p, "connection closed (including drop)"));
        assertEquals(0, raw(p, "ignored RSTs in the window"));
        assertEquals(0, raw(p, "packet sent: data packet unnecessarily retransmitted"));
        assertEquals(0, raw(p, "packet received: discarded due to full reassembly queue"));
        assertEquals(0, raw(p, "connection established (including accept): time used RTT from hostcache"));
        assertEquals(0, id(p, CounterId.LISTEN_OVERFLOWS));
        assertEquals(0, id(p, CounterId.ATTEMPT_FAILS)); // "0 bad connection attempts": FreeBSD plural for zero
    }

    @Test
    void freeBsd14MiddleSliceStartsWithoutItsSection() {
        Parsed<Reading> p = parse("freebsd/14-drmkmod154/cmd/netstat-s.txt", Dialect.FREEBSD);
        assertEquals(List.of(), p.unparsed());
        assertEquals(0, raw(p, "packet received with dsack"));
        assertEquals(0, raw(p, "dsack byte received (no TLP involved)"));
        assertEquals(0, raw(p, "Connection (fin_wait_2) dropped because of timeout"));
        assertEquals(0, raw(p, "syncache entry added: dupsyn"));
        assertEquals(0, id(p, CounterId.SYNCACHE_ADDED));
        assertEquals(0, id(p, CounterId.EMBRYONIC_DROPPED));
        assertTrue(p.notes().contains("11 indented lines came before any top-level line; they are named without it"),
                p.notes().toString());
    }

    @Test
    void theStateSectionPastedWithEightBlanksIsRead() {
        // the measured case: indented with 8 blanks, 11 of 11 state lines were not understood
        List<String> pasted = Fixtures.lines("freebsd/synthetic-netstat-s-14/cmd/netstat-s-p-tcp.txt").stream()
                .map(l -> l.replace("\t", "        ")).toList();
        Parsed<Reading> p = NetstatTcpStatsParser.parse(pasted, Dialect.FREEBSD);
        assertEquals(List.of(), p.unparsed());
        assertEquals(12403, p.value().states().get(TcpState.SYN_RCVD));
        assertEquals(1822, p.value().states().get(TcpState.TIME_WAIT));
    }

    @Test
    void nestingIsReadFromRelativeIndentationAtAnyWidth() {
        // freebsd/synthetic-netstat-s-14: "window update packets" sits under both "packets sent" and "packets received"
        for (String unit : List.of("\t", "        ", "    ", "  ", " ")) {
            Parsed<Reading> p = NetstatTcpStatsParser.parse(List.of("tcp:", unit + "7 packets sent",
                    unit + unit + "2 window update packets", unit + "9 packets received",
                    unit + unit + "3 window update packets"), Dialect.FREEBSD);
            assertEquals(2, raw(p, "packet sent: window update packet"), "indent " + unit.length());
            assertEquals(3, raw(p, "packet received: window update packet"), "indent " + unit.length());
            assertEquals(9, raw(p, "packet received"));
        }
    }

    @Test
    void grepLineWithItsTabLost() {
        Parsed<Reading> p = parse("freebsd/pre10-serverfault443399/cmd/netstat-sp-tcp.txt", Dialect.FREEBSD);
        assertEquals(80361931, id(p, CounterId.LISTEN_OVERFLOWS));
        assertEquals(1, p.understood());
    }

    @Test
    void freeBsd14SyncacheCookiesAndStates() {
        Parsed<Reading> p = parse("freebsd/synthetic-netstat-s-14/cmd/netstat-s-p-tcp.txt", Dialect.FREEBSD);
        assertEquals(List.of(), p.unparsed());
        assertEquals(117, p.understood());
        assertEquals(104 + 11, p.value().counters().raw().size());
        assertEquals(904311, id(p, CounterId.SYNCACHE_ADDED));
        assertEquals(55012, id(p, CounterId.SYNCACHE_OVERFLOWS));
        assertEquals(1203, id(p, CounterId.SYNCACHE_BUCKET_OVERFLOWS));
        assertEquals(300122, id(p, CounterId.SYNCOOKIES_SENT));
        assertEquals(4411, id(p, CounterId.SYNCOOKIES_RECEIVED));
        assertEquals(48213, id(p, CounterId.LISTEN_OVERFLOWS));
        assertEquals(120345, id(p, CounterId.EMBRYONIC_DROPPED));
        assertEquals(1, id(p, CounterId.ACTIVE_OPENS)); // "1 connection request"
        assertEquals(20417, id(p, CounterId.SEGMENTS_RETRANSMITTED));
        assertEquals(1, raw(p, "syncache entry added: aborted"));
        assertEquals(93925, raw(p, "hostcache entry added: bucket overflow"));
        assertEquals(0, raw(p, "packet sent: resend initiated by MTU discovery")); // "0 resends"
        assertEquals(1, raw(p, "packet received: ack (for byte)")); // "(for 1 byte)"
        assertEquals(71271, raw(p, "packet sent: window update packet"));
        assertEquals(90056, raw(p, "packet received: window update packet"));
        assertEquals(23576, raw(p, "time connection in TIME-WAIT responded with RST"));
        Map<TcpState, Long> states = p.value().states().asMap();
        assertEquals(Map.of(TcpState.LISTEN, 1L, TcpState.SYN_RCVD, 12403L, TcpState.ESTABLISHED, 311L,
                TcpState.CLOSE_WAIT, 2L, TcpState.LAST_ACK, 1L, TcpState.FIN_WAIT_2, 4L, TcpState.TIME_WAIT, 1822L), states);
        assertFalse(p.value().counters().has(CounterId.RESETS_SENT)); // BSD netstat prints no RST-sent line
    }

    @Test
    void macOs726DuplicatedTextIsKeyedByPosition() {
        Parsed<Reading> p = parse("macos/synthetic-netstat-s-726/cmd/netstat-s-p-tcp.txt", Dialect.MACOS);
        assertEquals(List.of(), p.unparsed());
        assertTrue(p.needsRoot().isEmpty());
        assertEquals(17, raw(p, "packet sent: challenge ACK sent due to unexpected RST"));
        assertEquals(3, raw(p, "packet sent: challenge ACK sent due to unexpected RST #2"));
        assertEquals(5000, id(p, CounterId.SYNCOOKIES_SENT));
        assertEquals(12, id(p, CounterId.SYNCOOKIES_RECEIVED));
        assertEquals(1, id(p, CounterId.LISTEN_OVERFLOWS)); // "1 listen queue overflow"
        assertEquals(0, id(p, CounterId.EMBRYONIC_DROPPED)); // "0 embryonic connection dropped"
        assertEquals(2, id(p, CounterId.PASSIVE_OPENS));
        assertEquals(7, raw(p, "retransmit timeout: unnecessary packet retransmission")); // "retransmissionss"
        assertEquals(2, raw(p, "probe timeout: time recovered last packet")); // trailing blank
        assertEquals(1, raw(p, "successful extraction of entry"));
        assertEquals(0, raw(p, "syncache entry aborted"));
        assertEquals(946, raw(p, "packet sent: checksummed in software"));
        assertEquals(310, raw(p, "open TCP socket"));
        assertFalse(p.value().counters().has(CounterId.SYNCACHE_ADDED));
        assertTrue(p.value().states().isEmpty());
    }

    @Test
    void macOsWordingIsNotMappedUnderFreeBsd() {
        Parsed<Reading> p = parse("macos/synthetic-netstat-s-726/cmd/netstat-s-p-tcp.txt", Dialect.FREEBSD);
        assertFalse(p.value().counters().has(CounterId.SYNCOOKIES_SENT));
        Parsed<Reading> f = parse("freebsd/synthetic-netstat-s-14/cmd/netstat-s-p-tcp.txt", Dialect.MACOS);
        assertFalse(f.value().counters().has(CounterId.SYNCACHE_ADDED));
    }

    @Test
    void linuxNetToolsOutputIsNotRead() {
        // (a lone Linux line indented by blanks, "    15 SYNs to LISTEN sockets dropped", is the same text
        // as a pasted BSD counter line and is read as one; the "Tcp:" heading is what tells Linux apart)
        Parsed<Reading> full = NetstatTcpStatsParser.parse(List.of("Tcp:", "    12 active connection openings",
                "    3 passive connection openings"), Dialect.MACOS);
        assertTrue(full.inputNotUnderstood());
        assertTrue(full.value().counters().isEmpty());
    }

    @Test
    void otherProtocolsOfAFullNetstatSAreSkipped() {
        Parsed<Reading> p = NetstatTcpStatsParser.parse(List.of("udp:", "\t5 datagrams received", "tcp:",
                "\t7 packets sent", "ip:", "\t9 total packets received"), Dialect.FREEBSD);
        assertEquals(List.of(), p.unparsed());
        assertEquals(Map.of("netstat-s.packet sent", 7L), p.value().counters().raw());
    }

    @Test
    void pluralsAreRemovedOnlyFromCountedWords() {
        assertEquals("packet (byte) received in-sequence", NetstatTcpStatsParser.normalise("packets  (bytes) received in-sequence"));
        assertEquals("syncache entry added", NetstatTcpStatsParser.normalise("syncache entries added"));
        assertEquals("ignored RSTs in the window", NetstatTcpStatsParser.normalise("ignored RSTs in the windows"));
        assertEquals("timer drift less or equal to 1 ms", NetstatTcpStatsParser.normalise("timer drifts less or equal to 1 ms"));
        assertEquals("challenge ACK sent", NetstatTcpStatsParser.normalise("challenge ACKs sent"));
    }
}
