package syntop.collectors.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.Reading;
import syntop.collectors.model.TcpState;
import syntop.collectors.os.bsd.Dialect;
import syntop.collectors.os.bsd.NetstatConnectionsParser;
import syntop.collectors.os.bsd.NetstatListenParser;
import syntop.collectors.os.bsd.NetstatTcpStatsParser;
import syntop.collectors.os.bsd.PfctlInfoParser;
import syntop.collectors.os.bsd.PfctlMemoryParser;
import syntop.collectors.os.bsd.SysctlParser;
import syntop.collectors.os.linux.ProcNetPairsParser;
import syntop.collectors.os.linux.ProcNetTcpParser;
import syntop.collectors.os.linux.SockstatParser;
import syntop.collectors.os.linux.SsConnectionsParser;
import syntop.collectors.os.linux.SsListenParser;
import syntop.collectors.os.linux.SynproxyStatParser;
import syntop.collectors.parse.Parsed;
import syntop.collectors.source.SourceText;

/**
 * Values no kernel prints (a count below zero or past 64 bits, a port past 65535) are reported as
 * not understood, never kept, clamped or dropped without a word. Each input is a line of a real
 * capture (named beside it) with one value changed.
 */
class OutOfRangeValuesTest {
    private static void notUnderstood(Parsed<Reading> p, String quoted) {
        assertEquals(1, p.notUnderstood(), p.toString());
        assertTrue(p.unparsed().get(0).contains(quoted), p.unparsed().toString());
    }

    @Test
    void procNetTcpPortsAreSixteenBits() {
        // linux/6.18-lab-synflood/proc/net/tcp, local port 1F90 (8080) made 0xFFFFF
        Parsed<Reading> p = ProcNetTcpParser.parse(SourceText.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 0200630A:1F91 00000000:0000 0A 00000000:00000011 00:00000000 00000000     0        0 11955 18\n"
                + "   1: 0200630A:FFFFF 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 11921 130\n"
                + "   2: 0200630A:1F90 0100630A:1FFFF 03 00000000:00000000 00:00000000 00000000     0        0 0 1\n"));
        assertEquals(2, p.notUnderstood(), p.toString());
        assertTrue(p.unparsed().get(0).contains("port"), p.unparsed().toString());
        assertEquals(List.of(8081), p.value().listeners().stream().map(q -> q.port()).toList());
        assertEquals(1, p.value().states().get(TcpState.LISTEN));
        assertFalse(p.value().synRecvByPort().containsKey(1048575));
    }

    @Test
    void aListenersAcceptQueuePastSixtyFourBitsIsNotTakenAsZero() {
        // linux/6.18-lab-synflood/proc/net/tcp, rx_queue 00000011 made 17 hex digits
        Parsed<Reading> p = ProcNetTcpParser.parse(SourceText.of(
                "   0: 0200630A:1F91 00000000:0000 0A 00000000:10000000000000011 00:00000000 00000000     0        0 11955 18\n"
                + "   1: 0200630A:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 11921 130\n"));
        notUnderstood(p, "rx_queue");
        assertEquals(List.of(8080), p.value().listeners().stream().map(q -> q.port()).toList());
    }

    @Test
    void ssQueuesAreNotNegativeAndPortsAreSixteenBits() {
        // linux/6.18-lab-synflood/cmd/ss-ltn.txt
        Parsed<Reading> l = SsListenParser.parse(List.of(
                "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess",
                "LISTEN -17    16         10.99.0.2:8081      0.0.0.0:*",
                "LISTEN 0      128        10.99.0.2:80800     0.0.0.0:*",
                "LISTEN 0      128        10.99.0.2:8080      0.0.0.0:*"));
        assertEquals(2, l.notUnderstood());
        assertEquals(List.of(8080), l.value().listeners().stream().map(q -> q.port()).toList());
        // linux/6.18-lab-synflood-ss/cmd/ss-tan-states.txt
        Parsed<Reading> s = SsConnectionsParser.parse(List.of(
                "LISTEN   0      128    10.99.0.2:8080   0.0.0.0:*",
                "SYN-RECV 0      0      10.99.0.2:8080 10.99.0.1:235600"));
        assertEquals(1, s.notUnderstood());
        assertEquals(0, s.value().synRecvByPort().get(8080) == null ? 0 : s.value().synRecvByPort().get(8080));
    }

    @Test
    void procNetSnmpValuesPastSixtyFourBitsOrNegativeAreSaid() {
        // linux/6.18-lab-synflood/proc/net/snmp's Tcp lines, InSegs past 2^64 and OutSegs negative
        Parsed<Reading> p = ProcNetPairsParser.parse(List.of(
                "Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens InSegs OutSegs",
                "Tcp: 1 200 120000 -1 12 18446744073709551616 -3"));
        assertEquals(2, p.notUnderstood(), p.toString());
        assertTrue(p.unparsed().get(0).contains("InSegs 18446744073709551616 (too large"), p.unparsed().toString());
        assertTrue(p.unparsed().get(1).contains("OutSegs -3 (negative)"), p.unparsed().toString());
        assertFalse(p.value().counters().has(CounterId.SEGMENTS_RECEIVED));
        assertFalse(p.value().counters().has(CounterId.SEGMENTS_SENT));
        assertEquals(12, p.value().counters().get(CounterId.ACTIVE_OPENS).getAsLong());
        assertEquals(-1, p.value().counters().raw().get("TcpMaxConn"), "RFC 2012: -1 is a dynamic maximum");
    }

    @Test
    void sockstatCountsAreNotNegative() {
        // linux/6.18-lab-synflood/proc/net/sockstat, inuse made negative
        Parsed<Reading> p = SockstatParser.parse(List.of("sockets: used 19",
                "TCP: inuse -19 orphan 0 tw 0 alloc 60 mem 145"));
        notUnderstood(p, "inuse -19: negative");
        assertFalse(p.value().counters().has(CounterId.SOCKETS_IN_USE));
        assertFalse(p.value().counters().has(CounterId.SOCKETS_TIME_WAIT), "no value of the line is kept");
    }

    @Test
    void synproxyValuesPastSixtyThreeBitsAreSaid() {
        // linux/6.18-lab-capture-synflood/proc/net/stat/synproxy, one CPU's syn_received at 2^64-1
        Parsed<Reading> p = SynproxyStatParser.parse(List.of(
                "entries\t\tsyn_received\tcookie_invalid\tcookie_valid\tcookie_retrans\tconn_reopened",
                "00000000\tffffffffffffffff\t00000000\t00000000\t00000000\t00000000",
                "00000000\t00000002\t00000000\t00000000\t00000000\t00000000"));
        notUnderstood(p, "ffffffffffffffff");
        assertEquals(2, p.value().counters().get(CounterId.SYNPROXY_SYN_RECEIVED).getAsLong());
    }

    @Test
    void bsdNetstatQueuesAreNotNegativeAndPortsAreSixteenBits() {
        // freebsd/12.1-jc/cmd/netstat-an.txt
        Parsed<Reading> an = NetstatConnectionsParser.parse(List.of(
                "Active Internet connections (including servers)",
                "Proto Recv-Q Send-Q Local Address          Foreign Address        (state)",
                "tcp4      -1      0 192.168.71.163.22      192.168.71.1.56321     ESTABLISHED",
                "tcp4       0      0 192.168.71.163.22      192.168.71.1.563210    ESTABLISHED",
                "tcp4       0      0 127.0.0.1.25           *.*                    LISTEN"));
        assertEquals(2, an.notUnderstood(), an.toString());
        assertEquals(0, an.value().states().get(TcpState.ESTABLISHED));
        // freebsd/10.x-kurita1/cmd/netstat-Lan.txt
        Parsed<Reading> lan = NetstatListenParser.parse(List.of(
                "Current listen queue sizes (qlen/incqlen/maxqlen)",
                "Proto Listen         Local Address",
                "tcp4  0/0/-128       *.80",
                "tcp4  0/0/128        *.70000",
                "tcp4  0/0/18446744073709551616 *.22",
                "tcp4  0/0/128        *.80"));
        assertEquals(3, lan.notUnderstood(), lan.toString());
        assertEquals(1, lan.value().listeners().size());
    }

    @Test
    void netstatStatisticsPastSixtyFourBitsOrNegativeAreNotRead() {
        // freebsd/synthetic-netstat-s-14/cmd/netstat-s-p-tcp.txt
        Parsed<Reading> p = NetstatTcpStatsParser.parse(List.of("tcp:",
                "\t18446744073709551616 packets sent",
                "\t5 connection requests",
                "TCP connection count by state:",
                "\t-1 connection  in LISTEN state",
                "\t2 connections in ESTABLISHED state"), Dialect.FREEBSD);
        assertEquals(2, p.notUnderstood(), p.toString());
        assertFalse(p.value().counters().has(CounterId.SEGMENTS_SENT));
        assertEquals(5, p.value().counters().get(CounterId.ACTIVE_OPENS).getAsLong());
        assertFalse(p.value().states().asMap().containsKey(TcpState.LISTEN));
    }

    @Test
    void pfLimitsAndCountsAreNotNegative() {
        // freebsd/synthetic-pfctl-sm/cmd/pfctl-sm.txt
        Parsed<Reading> sm = PfctlMemoryParser.parse(List.of("states        hard limit   -10000",
                "frags         hard limit     5000"));
        notUnderstood(sm, "(negative)");
        assertFalse(sm.value().counters().has(CounterId.PF_STATE_LIMIT));
        // freebsd/12.2-monitorix297/cmd/pfctl-s-info.txt
        Parsed<Reading> si = PfctlInfoParser.parse(List.of("State Table                          Total             Rate",
                "  current entries                     -920"));
        assertEquals(1, si.notUnderstood(), si.toString());
        assertFalse(si.value().counters().has(CounterId.PF_STATES));
    }

    @Test
    void syncacheGaugesAreCounts() {
        // freebsd/12.1-jc/cmd/sysctl-net.inet.tcp.txt
        Parsed<Reading> p = SysctlParser.parse(List.of("net.inet.tcp.syncache.count: -1",
                "net.inet.tcp.syncache.cachelimit: 18446744073709551616"));
        assertEquals(2, p.notUnderstood(), p.toString());
        assertTrue(p.unparsed().get(0).contains("negative"), p.unparsed().toString());
        assertFalse(p.value().counters().has(CounterId.SYNCACHE_ENTRIES));
        assertFalse(p.value().counters().has(CounterId.SYNCACHE_LIMIT));
        assertEquals("-1", p.value().tunables().get("net.inet.tcp.syncache.count"), "the setting is shown as printed");
    }
}
