package syntop.collectors.os.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;

class NetstatListenParserTest {

    private static Parsed<Reading> parse(String fixture) {
        return NetstatListenParser.parse(Fixtures.lines(fixture));
    }

    private static ListenQueue q(String proto, String addr, int port, long qlen, long incq, long max) {
        return new ListenQueue(proto, addr, port, qlen, OptionalLong.of(incq), OptionalLong.of(max));
    }

    @Test
    void freeBsd10NarrowListenColumn() {
        Parsed<Reading> p = parse("freebsd/10.x-kurita1/cmd/netstat-Lan.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(4, p.understood());
        assertEquals(List.of(q("tcp4", "*", 80, 0, 0, 128), q("tcp6", "*", 80, 0, 0, 128)), p.value().listeners());
    }

    @Test
    void freeBsdGrepRowOverflowingItsLimit() {
        Parsed<Reading> p = parse("freebsd/pre10-serverfault443399/cmd/netstat-Lan.txt");
        assertEquals(List.of(q("tcp4", "*", 80, 192, 0, 128)), p.value().listeners());
        assertEquals(1.5, p.value().listeners().get(0).acceptFill(), 1e-9); // FreeBSD admits up to 1.5 x maxqlen
    }

    @Test
    void freeBsd14WideColumnWithoutHeaderAndWithServiceNames() {
        Parsed<Reading> p = parse("freebsd/14-httpd88/cmd/netstat-aL.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(List.of(q("tcp4", "*", 443, 0, 0, 128), q("tcp6", "*", 443, 0, 0, 128), q("tcp4", "*", 80, 0, 0, 128),
                q("tcp6", "*", 80, 0, 0, 128)), p.value().listeners());
    }

    @Test
    void freeBsd71RowCutBeforeItsAddress() {
        Parsed<Reading> p = parse("freebsd/7.1-freebsd-net/cmd/netstat-Lan.txt");
        assertEquals(List.of("tcp4  193/0/128"), p.unparsed());
        assertEquals(2, p.understood());
        assertTrue(p.value().listeners().isEmpty());
        assertEquals(List.of("queue rows without a local address (output cut?): 1"), p.notes());
    }

    @Test
    void macOsHasNoProtoColumn() {
        Parsed<Reading> p = parse("macos/2017ish-nativescript/cmd/netstat-f-inet-p-tcp-anL.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(8, p.understood());
        List<ListenQueue> l = p.value().listeners();
        assertEquals(6, l.size());
        assertEquals(q("tcp", "127.0.0.1", 9335, 0, 0, 1), l.get(0));
        assertEquals(q("tcp", "*", 3283, 0, 0, 128), l.get(3));
        assertEquals(q("tcp", "*", 22, 0, 0, 128), l.get(5));
    }

    @Test
    void freeBsd14LayoutWithIpv6DeletedLineAndSctpBlock() {
        Parsed<Reading> p = parse("freebsd/synthetic-netstat-Lan-14/cmd/netstat-Lan.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(13, p.understood());
        assertEquals(List.of(
                q("tcp4", "*", 22, 0, 0, 128),
                q("tcp6", "*", 80, 0, 0, 511),
                q("tcp4", "127.0.0.1", 8080, 3, 0, 4096),
                q("tcp46", "*", 443, 193, 0, 128),
                q("tcp6", "::1", 631, 0, 0, 128),
                q("tcp6", "fe80::1%lo0", 53, 0, 0, 5),
                q("tcp6", "2001:db8:aaaa:bb", 443, 0, 0, 128)), p.value().listeners());
        assertEquals(List.of("the socket list changed while netstat read it (\"Some tcp sockets may have been deleted.\")"),
                p.notes());
    }

    @Test
    void newestMacOsMisalignedHeaderAndTrailingTables() {
        Parsed<Reading> p = parse("macos/synthetic-netstat-aLn-730/cmd/netstat-aLn.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(List.of(q("tcp", "*", 22, 0, 0, 128), q("tcp", "*", 8080, 2, 0, 128), q("tcp", "::1", 631, 0, 0, 128)),
                p.value().listeners());
    }

    @Test
    void aTcpcbOrSocketColumnBeforeTheRow() {
        Parsed<Reading> p = NetstatListenParser.parse(List.of(
                "Current listen queue sizes (qlen/incqlen/maxqlen)",
                "Tcpcb            Proto Listen                           Local Address",
                "fffff80003df47a0 tcp4  5/0/128                          *.22",
                "Socket           Flowhash Listen         Local Address",
                "7fb03cb94d505aed cedd0cbf 7/0/128        *.80",
                "fffff80003ab6100 unix  0/0/4                            /var/run/devd.pipe"));
        assertEquals(List.of(), p.unparsed());
        assertEquals(List.of(q("tcp4", "*", 22, 5, 0, 128), q("tcp", "*", 80, 7, 0, 128)), p.value().listeners());
    }

    @Test
    void unknownServiceNameIsReported() {
        Parsed<Reading> p = NetstatListenParser.parse(List.of("tcp4  0/0/128   *.gopher-ng"));
        assertEquals(1, p.unparsed().size());
        assertEquals(List.of("rows without a port number (service names need netstat -n): 1"), p.notes());
    }
}
