package syntop.collectors.os.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.AddressCount;
import syntop.collectors.model.Reading;
import syntop.collectors.model.TcpState;
import syntop.collectors.parse.Parsed;

class NetstatConnectionsParserTest {

    private static Parsed<Reading> parse(String fixture) {
        return NetstatConnectionsParser.parse(Fixtures.lines(fixture));
    }

    private static AddressCount a(String address, long n) {
        return new AddressCount(address, n);
    }

    @Test
    void freeBsd12WithUdpAndUnixSections() {
        Parsed<Reading> p = parse("freebsd/12.1-jc/cmd/netstat-an.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(24, p.understood());
        assertEquals(Map.of(TcpState.ESTABLISHED, 1L, TcpState.LISTEN, 3L), p.value().states().asMap());
        assertTrue(p.value().remotes().isEmpty());
        assertTrue(p.value().synRecvByPort().isEmpty());
        assertTrue(p.value().listeners().isEmpty()); // -an has no queue limits: listeners come from -L
    }

    @Test
    void freeBsd12TcpcbAndLogIdColumns() {
        Parsed<Reading> p = parse("freebsd/12.1-jc/cmd/netstat-AanP.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(Map.of(TcpState.ESTABLISHED, 1L, TcpState.LISTEN, 3L), p.value().states().asMap());
    }

    @Test
    void macOsSocketColumnsCutAddressesAndKernelSections() {
        Parsed<Reading> p = parse("macos/10.14.6-jc/cmd/netstat-An.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(689, p.understood());
        assertEquals(Map.of(TcpState.ESTABLISHED, 43L, TcpState.CLOSE_WAIT, 6L), p.value().states().asMap());
        // "35.235.123.194.555": the port is cut by the 18-wide column, the address is still whole
        assertEquals(List.of(a("35.235.123.194", 3), a("35.236.87.93", 2), a("127.0.0.1", 1)),
                p.value().remotes().get(TcpState.CLOSE_WAIT));
        assertEquals(List.of("connections with IPv6 addresses as wide as netstat's column, maybe cut (their remote "
                + "addresses are then prefixes): 27"), p.notes());
    }

    @Test
    void macOsTcp46AndTimeWait() {
        Parsed<Reading> p = parse("macos/2021ish-datadog/cmd/netstat-n-a-p-tcp.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(76, p.understood()); // the capture has no final newline
        assertEquals(Map.of(TcpState.ESTABLISHED, 62L, TcpState.LISTEN, 9L, TcpState.SYN_SENT, 1L, TcpState.TIME_WAIT, 2L),
                p.value().states().asMap());
        assertEquals(List.of(a("142.250.200.133", 1), a("149.154.167.99", 1)), p.value().remotes().get(TcpState.TIME_WAIT));
        assertEquals(Map.of(TcpState.TIME_WAIT, p.value().remotes().get(TcpState.TIME_WAIT)), p.value().remotes());
    }

    @Test
    void macOsVerboseColumnsAfterTheState() {
        Parsed<Reading> p = parse("macos/10.14-node-netstat26/cmd/netstat-v-n-p-tcp.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(Map.of(TcpState.ESTABLISHED, 5L, TcpState.CLOSE_WAIT, 2L), p.value().states().asMap());
        assertEquals(List.of(a("140.82.114.4", 2)), p.value().remotes().get(TcpState.CLOSE_WAIT));
    }

    @Test
    void freeBsdSynRcvdPerPortAndPerRemote() {
        Parsed<Reading> p = parse("freebsd/synthetic-netstat-an-synrcvd/cmd/netstat-an-p-tcp.txt");
        assertEquals(List.of(), p.unparsed());
        Reading r = p.value();
        assertEquals(Map.of(TcpState.SYN_RCVD, 10L, TcpState.ESTABLISHED, 2L, TcpState.TIME_WAIT, 4L,
                TcpState.CLOSE_WAIT, 1L, TcpState.LISTEN, 4L), r.states().asMap());
        assertEquals(Map.of(80, 5L, 443, 5L), r.synRecvByPort());
        assertEquals(List.of(a("198.51.100.7", 5), a("203.0.113.9", 3), a("192.0.2.200", 1), a("2001:db8:ffff:11", 1)),
                r.remotes().get(TcpState.SYN_RCVD));
        assertEquals(List.of(a("203.0.113.50", 3), a("198.51.100.7", 1)), r.remotes().get(TcpState.TIME_WAIT));
        assertEquals(List.of(a("192.0.2.77", 1)), r.remotes().get(TcpState.CLOSE_WAIT));
        assertEquals(List.of(
                "the socket list changed while netstat read it (\"Some tcp sockets may have been deleted.\")",
                "connections with IPv6 addresses as wide as netstat's column, maybe cut (their remote "
                        + "addresses are then prefixes): 1"), p.notes());
    }

    @Test
    void macOsSynRcvd() {
        Parsed<Reading> p = parse("macos/synthetic-netstat-an-synrcvd/cmd/netstat-an-p-tcp.txt");
        assertEquals(List.of(), p.unparsed());
        Reading r = p.value();
        assertEquals(Map.of(TcpState.SYN_RCVD, 5L, TcpState.ESTABLISHED, 1L, TcpState.FIN_WAIT_2, 1L, TcpState.TIME_WAIT, 1L,
                TcpState.LISTEN, 2L), r.states().asMap());
        assertEquals(Map.of(8080, 5L), r.synRecvByPort());
        assertEquals(List.of(a("198.51.100.23", 4), a("fe80::1%lo0", 1)), r.remotes().get(TcpState.SYN_RCVD));
        assertEquals(List.of(a("198.51.100.24", 1)), r.remotes().get(TcpState.FIN_WAIT_2));
        assertEquals(List.of(), p.notes());
    }

    @Test
    void onlyTheTopFiftyRemotesAreKept() {
        List<String> lines = new ArrayList<>();
        lines.add("Active Internet connections (including servers)");
        for (int host = 1; host <= 60; host++) {
            for (int i = 0; i < (host == 60 ? 3 : 1); i++) {
                lines.add(String.format("tcp4       0      0 192.0.2.10.80          198.51.100.%d.%d %s", host, 40000 + i,
                        "SYN_RCVD"));
            }
        }
        Parsed<Reading> p = NetstatConnectionsParser.parse(lines);
        List<AddressCount> top = p.value().remotes().get(TcpState.SYN_RCVD);
        assertEquals(syntop.collectors.model.AddressCount.KEPT_PER_STATE, top.size());
        assertEquals(a("198.51.100.60", 3), top.get(0));
        assertEquals(a("198.51.100.1", 1), top.get(1)); // ties by address
        assertEquals(Map.of(80, 62L), p.value().synRecvByPort());
    }

    @Test
    void linuxListingsAreNotRead() {
        Parsed<Reading> ss = parse("linux/old-iproute2-datadog/cmd/ss-tan4.txt");
        assertTrue(ss.inputNotUnderstood());
        Parsed<Reading> netTools = NetstatConnectionsParser.parse(List.of(
                "Proto Recv-Q Send-Q Local Address           Foreign Address         State",
                "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN",
                "tcp        0      0 10.0.2.15:22            10.0.2.2:49936          SYN_RECV"));
        assertEquals(2, netTools.unparsed().size());
        assertTrue(netTools.value().states().isEmpty());
    }
}
