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
import syntop.collectors.source.SourceText;

class ProcNetTcpParserTest {
    private static final String LAB = "linux/6.18-lab-synflood";

    @Test
    void countsStatesOfARealSynFlood() {
        // taken with ss -tan at the same moment: 129 SYN-RECV, 17 ESTAB, 2 LISTEN
        Parsed<Reading> p = ProcNetTcpParser.parse(Fixtures.files(LAB, "/proc/net/tcp", "/proc/net/tcp6"));
        Reading r = p.value();
        assertEquals(129, r.states().get(TcpState.SYN_RCVD));
        assertEquals(17, r.states().get(TcpState.ESTABLISHED));
        assertEquals(2, r.states().get(TcpState.LISTEN));
        assertEquals(148, r.states().total());
        assertEquals(129L, r.synRecvByPort().get(8080));
        assertEquals(List.of(new AddressCount("10.99.0.1", 129)), r.remotes().get(TcpState.SYN_RCVD));
        assertTrue(p.unparsed().isEmpty());
    }

    @Test
    void listenersCarryTheirAcceptQueue() {
        Reading r = ProcNetTcpParser.parse(Fixtures.files(LAB, "/proc/net/tcp", "/proc/net/tcp6")).value();
        assertEquals(2, r.listeners().size());
        var q8081 = r.listeners().stream().filter(q -> q.port() == 8081).findFirst().orElseThrow();
        assertEquals(17, q8081.acceptQueue());
        assertEquals("10.99.0.2", q8081.localAddress());
        assertTrue(q8081.limit().isEmpty(), "the limit is not in /proc/net/tcp");
    }

    @Test
    void ipv6RowsAndStates() {
        String tcp6 = "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000003 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0\n"
                + "   1: 00000000000000000000000001000000:0016 0000000000000000FFFF00000100007F:C350 06 00000000:00000000 03:00001770 00000000     0        0 0 3 0\n"
                + "   2: 00000000000000000000000001000000:0016 B80D0120000000000000000001000000:C351 08 00000000:00000000 00:00000000 00000000     0        0 2 1 0\n";
        Reading r = ProcNetTcpParser.parse(SourceText.of(tcp6)).value();
        assertEquals(1, r.states().get(TcpState.LISTEN));
        assertEquals(1, r.states().get(TcpState.TIME_WAIT));
        assertEquals(1, r.states().get(TcpState.CLOSE_WAIT));
        assertEquals("::", r.listeners().get(0).localAddress());
        assertEquals("tcp6", r.listeners().get(0).protocol());
        assertEquals(3, r.listeners().get(0).acceptQueue());
        // an IPv4-mapped peer is shown as IPv4, the way an operator blocks it
        assertEquals("127.0.0.1", r.remotes().get(TcpState.TIME_WAIT).get(0).address());
        assertEquals("2001:db8::1", r.remotes().get(TcpState.CLOSE_WAIT).get(0).address());
    }

    @Test
    void brokenRowsAreReportedAndTheRestCounted() {
        String text = "  sl  local_address rem_address   st\n"
                + "   0: 0100007F:0050 0100007F:9C40 01 00000000:00000000\n"
                + "   1: zzzz:0050 0100007F:9C40 01 00000000:00000000\n"
                + "   2: 0100007F:0050 0100007F:9C40 7F 00000000:00000000\n"
                + "   3: 0100007F\n";
        Parsed<Reading> p = ProcNetTcpParser.parse(SourceText.of(text));
        assertEquals(1, p.value().states().get(TcpState.ESTABLISHED));
        assertEquals(2, p.understood(), "the header and one row");
        assertEquals(3, p.unparsed().size(), p.unparsed().toString());
    }

    @Test
    void anEmptyTableCountsZeroInEveryStateButGarbageCountsNothing() {
        Parsed<Reading> empty = ProcNetTcpParser.parse(SourceText.of("  sl  local_address rem_address   st tx_queue\n"));
        assertTrue(!empty.value().states().isEmpty() && empty.value().states().total() == 0);
        Parsed<Reading> junk = ProcNetTcpParser.parse(SourceText.of("  sl  local_address\nnot a row\n"));
        assertTrue(junk.value().states().isEmpty());
    }

    @Test
    void topRemotesAreCappedAndSorted() {
        StringBuilder b = new StringBuilder();
        int row = 0;
        for (int host = 1; host <= 80; host++) {
            for (int k = 0; k < host; k++) {
                b.append(String.format("%4d: 0200630A:1F90 %02X00630A:%04X 03 00000000:00000000%n", row++, host, 1000 + k));
            }
        }
        Reading r = ProcNetTcpParser.parse(SourceText.of(b.toString())).value();
        List<AddressCount> top = r.remotes().get(TcpState.SYN_RCVD);
        assertEquals(syntop.collectors.model.AddressCount.KEPT_PER_STATE, top.size());
        assertEquals(new AddressCount("10.99.0.80", 80), top.get(0));
        assertEquals(80 * 81 / 2, r.states().get(TcpState.SYN_RCVD));
    }
}
