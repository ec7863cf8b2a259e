package syntop.collectors.os.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import syntop.collectors.Fixtures;
import syntop.collectors.model.ListenQueue;
import syntop.collectors.model.OwnerListing;
import syntop.collectors.model.ProcessOwner;
import syntop.collectors.model.Reading;
import syntop.collectors.model.SocketOwner;
import syntop.collectors.parse.Parsed;

/** sockstat and lsof, on inputs built from their sources (synthetic) and on real lsof captures. */
class OwnerParsersTest {
    private static final String LSOF = "lsof-nP-iTCP-sTCP:LISTEN-FpcuLftn";

    private static OwnerListing owners(Parsed<Reading> p) {
        assertTrue(p.unparsed().isEmpty(), p.unparsed().toString());
        assertFalse(p.inputNotUnderstood());
        return p.value().owners().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13", "main"})
    void sockstatNamesUserCommandAndPidOfEachListeningFile(String version) {
        OwnerListing o = owners(SockstatParser.parse(
                Fixtures.lines("freebsd/synthetic-sockstat-l-P-tcp-" + version + "/cmd/sockstat-l-P-tcp.txt")));
        List<SocketOwner> named = o.named();
        assertEquals(7, named.size(), "the ? row names no process: " + named);
        assertEquals(new SocketOwner("tcp4", "*", 22, ProcessOwner.of(812, "sshd", "root")), named.get(0));
        assertEquals(new SocketOwner("tcp4", "127.0.0.1", 8080, ProcessOwner.of(2210, "python3.11", "1001")),
                named.get(2), "a uid sockstat found no name for is the user as printed");
        assertEquals(new SocketOwner("tcp46", "*", 443, ProcessOwner.of(1024, "nginx", "www")), named.get(3));
        assertEquals(new SocketOwner("tcp6", "::1", 631, ProcessOwner.of(655, "cupsd", "root")), named.get(4));
        assertEquals(new SocketOwner("tcp6", "2001:db8:aaaa:bbbb::25", 443, ProcessOwner.of(1024, "nginx", "www")),
                named.get(5));
        assertEquals(new SocketOwner("tcp4", "127.0.0.1", 9100, ProcessOwner.of(3301, "node_expor", "prometheus")),
                named.get(6), "the name cut to 10 characters, glued to the pid before FreeBSD 14");
    }

    @Test
    void eachNetstatListenerTakesItsOwnerOfTheSameProtocolAndAnUnnamedOneSaysWhy() {
        OwnerListing o = owners(SockstatParser.parse(
                Fixtures.lines("freebsd/synthetic-sockstat-l-P-tcp-main/cmd/sockstat-l-P-tcp.txt")));
        List<ListenQueue> listeners = NetstatListenParser.parse(
                Fixtures.lines("freebsd/synthetic-netstat-Lan-14/cmd/netstat-Lan.txt")).value().listeners();
        assertEquals("sshd, pid 812", o.ownerOf(listeners.get(0)).label(), "*.22");
        assertEquals("nginx, pid 1024", o.ownerOf(listeners.get(1)).label(), "tcp6 *.80");
        assertEquals("python3.11, pid 2210", o.ownerOf(listeners.get(2)).label(), "127.0.0.1.8080");
        assertEquals("cupsd, pid 655", o.ownerOf(listeners.get(4)).label(), "::1.631");
        assertEquals("nginx, pid 1024", o.ownerOf(listeners.get(6)).label(), "2001:db8:aaaa:bb.443, cut by netstat");
        assertEquals(ProcessOwner.notVisible(SockstatParser.UNNAMED), o.ownerOf(listeners.get(5)),
                "fe80::1%lo0.53: sockstat's ? row");
        ListenQueue tcp4On80 = new ListenQueue("tcp4", "*", 80, 0, java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty());
        assertEquals("nginx, pid 1024", o.ownerOf(tcp4On80).label(), "another family's row of the same port");
    }

    @Test
    void aSockstatRowThatIsNotOneIsNotUnderstood() {
        Parsed<Reading> p = SockstatParser.parse(List.of(
                "USER     COMMAND    PID   FD  PROTO  LOCAL ADDRESS         FOREIGN ADDRESS      ",
                "root     sshd         812 3   tcp4   *:99999               *:*",
                "root     sshd         812 x   tcp4   *:22                  *:*"));
        assertEquals(2, p.notUnderstood(), p.unparsed().toString());
        assertEquals(List.of(), p.value().owners().orElseThrow().named());
    }

    @Test
    void lsofFieldsNameEachProcessesListenersWithItsLoginName() {
        OwnerListing o = owners(LsofListenParser.parse(
                Fixtures.lines("macos/synthetic-lsof-F-listen/cmd/" + LSOF + ".txt")));
        assertEquals(List.of(
                new SocketOwner("tcp6", "*", 22, ProcessOwner.of(1, "launchd", "root")),
                new SocketOwner("tcp4", "*", 22, ProcessOwner.of(1, "launchd", "root")),
                new SocketOwner("tcp4", "*", 8080, ProcessOwner.of(411, "nginx", "alice")),
                new SocketOwner("tcp6", "::1", 5432, ProcessOwner.of(733, "postgres", "502"))), o.named());
        List<ListenQueue> listeners = NetstatListenParser.parse(
                Fixtures.lines("macos/synthetic-netstat-aLn-730/cmd/netstat-aLn.txt")).value().listeners();
        assertEquals("launchd, pid 1", o.ownerOf(listeners.get(0)).label());
        assertEquals("nginx, pid 411", o.ownerOf(listeners.get(1)).label());
        assertEquals(ProcessOwner.notVisible(LsofListenParser.UNNAMED), o.ownerOf(listeners.get(2)), "::1.631");
    }

    @Test
    void realLsofCapturesListOnlyTheProcessesOfTheUserThatRanIt() {
        String dir = "linux/6.18-lsof-4.95/cmd/" + LSOF;
        assertEquals(4, owners(LsofListenParser.parse(Fixtures.lines(dir + ".txt"))).named().size());
        List<SocketOwner> nobody = owners(LsofListenParser.parse(Fixtures.lines(dir + "-nobody.txt"))).named();
        assertEquals(List.of(47126, 47127, 47129), nobody.stream().map(SocketOwner::port).toList());
        assertEquals(new SocketOwner("tcp6", "*", 47127, ProcessOwner.of(13925, "python3", "nobody")), nobody.get(1));
        Parsed<Reading> none = LsofListenParser.parse(Fixtures.lines(dir + "-daemon.txt"));
        assertEquals(List.of(), owners(none).named(), "no output: no listener is visible, which is not a failure");
        assertEquals(ProcessOwner.notVisible(LsofListenParser.UNNAMED), owners(none).ownerOf(
                new ListenQueue("tcp4", "127.0.0.1", 47128, 0, java.util.OptionalLong.empty(),
                        java.util.OptionalLong.empty())));
    }

    @Test
    void lsofTextThatIsNotFieldOutputIsNotUnderstood() {
        Parsed<Reading> p = LsofListenParser.parse(List.of(
                "COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME",
                "sshd      812 root    3u  IPv4  12345      0t0  TCP *:22 (LISTEN)"));
        assertTrue(p.inputNotUnderstood(), "lsof's column output is not what syntop asks for");
    }
}
