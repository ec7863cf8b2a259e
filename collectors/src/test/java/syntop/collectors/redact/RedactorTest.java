package syntop.collectors.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import syntop.collectors.Fixtures;
import syntop.collectors.model.AddressCount;
import syntop.collectors.model.Reading;
import syntop.collectors.model.TcpState;
import syntop.collectors.net.Ip;
import syntop.collectors.os.bsd.NetstatConnectionsParser;
import syntop.collectors.os.linux.ProcNetTcpParser;
import syntop.collectors.os.linux.SsListenParser;
import syntop.collectors.source.RawPart;
import syntop.collectors.source.SourceText;

class RedactorTest {
    private static final byte[] KEY = "a test key, not a secret one....".getBytes(StandardCharsets.US_ASCII);

    private static Redactor redactor(String... texts) {
        Redactor r = new Redactor(new Pseudonyms(KEY), List.of("web1.corp.example.org", "web1"), ByteOrder.LITTLE_ENDIAN,
                "host-abcdef");
        for (String t : texts) {
            r.learn("cmd/x.txt", t);
        }
        return r;
    }

    private static String one(String text) {
        return redactor(text).redact("cmd/x.txt", text);
    }

    @Test
    void ssListenersAndPeersKeepTheirShape() {
        String ss = "State  Recv-Q Send-Q Local Address:Port Peer Address:Port\n"
                + "LISTEN 0      128        10.99.0.2:8080      0.0.0.0:*\n"
                + "LISTEN 0      128        127.0.0.1:631       0.0.0.0:*\n"
                + "LISTEN 0      128   [::ffff:10.99.0.2]:8081         [::]:*\n"
                + "LISTEN 0      128   [fe80::1%eth0]:22         [::]:*\n"
                + "LISTEN 0      128  127.0.0.53%lo:53         0.0.0.0:*\n"
                + "LISTEN 0      128      [2001:db8:1::5]:443         *:*\n";
        String out = one(ss);
        assertFalse(out.contains("10.99.0.2"), out);
        assertFalse(out.contains("2001:db8:1::5"), out);
        assertFalse(out.contains("fe80::1%"), out);
        assertTrue(out.contains("127.0.0.1:631") && out.contains("127.0.0.53%lo:53") && out.contains("0.0.0.0:*")
                && out.contains("[::]:*") && out.contains("*:*"), out);
        Matcher m = Pattern.compile("(10\\.\\d+\\.\\d+\\.\\d+):8080").matcher(out);
        assertTrue(m.find(), out);
        // the same host in its IPv4-mapped form gets the same pseudonym
        assertTrue(out.contains("[::ffff:" + m.group(1) + "]:8081"), out);
        assertTrue(Pattern.compile("\\[fe80::[0-9a-f:]+%eth0]:22").matcher(out).find(), out);
        assertTrue(Pattern.compile("\\[fd[0-9a-f]{2}:[0-9a-f:]+]:443").matcher(out).find(), out);
        // and ss's parser still reads every listener
        Reading r = SsListenParser.parse(SourceText.of(out).lines()).value();
        assertEquals(6, r.listeners().size());
    }

    @Test
    void oldSsWithoutBracketsKeepsItsPorts() {
        String ss = "State      Recv-Q Send-Q     Local Address:Port       Peer Address:Port\n"
                + "LISTEN     0      50         :::9200                  :::*\n"
                + "TIME-WAIT  0      0          ::1:35048                ::1:17123\n"
                + "ESTAB      0      0          ::ffff:127.0.0.1:2181    ::ffff:10.0.2.15:43874\n"
                + "ESTAB      0      0          2001:db8::5:22           fe80::1:50000\n";
        String out = one(ss);
        assertTrue(out.contains(":::9200") && out.contains(":::*") && out.contains("::1:35048") && out.contains("::1:17123")
                && out.contains("::ffff:127.0.0.1:2181"), out);
        assertTrue(Pattern.compile("::ffff:10\\.\\d+\\.\\d+\\.\\d+:43874").matcher(out).find(), out);
        assertTrue(Pattern.compile(" fd[0-9a-f:]+:22 +fe80::[0-9a-f:]+:50000").matcher(out).find(), out);
        assertFalse(out.contains("2001:db8::5") || out.contains("10.0.2.15"), out);
        assertEquals(SsListenParser.parse(SourceText.of(ss).lines()).value().listeners().get(0).port(),
                SsListenParser.parse(SourceText.of(out).lines()).value().listeners().get(0).port());
    }

    @Test
    void bsdNetstatAddressesWithDotPortsStayParseable() {
        String netstat = "Active Internet connections (including servers)\n"
                + "Proto Recv-Q Send-Q Local Address          Foreign Address        (state)\n"
                + "tcp4       0      0 192.168.1.10.22        192.168.1.77.51234     ESTABLISHED\n"
                + "tcp4       0      0 192.168.1.10.8080      203.0.113.9.40000      SYN_RCVD\n"
                + "tcp6       0      0 fe80::1%lo0.22         *.*                    LISTEN\n"
                + "tcp6       0      0 ::1.631                *.*                    LISTEN\n"
                + "tcp6       0      0 2600:1700:bab0:d.5     2001:db8::7.443        ESTABLISHED\n"
                + "tcp4       0      0 *.80                   *.*                    LISTEN\n";
        String out = one(netstat);
        for (String real : List.of("192.168.1.10", "192.168.1.77", "203.0.113.9", "2600:1700:bab0:d", "2001:db8::7")) {
            assertFalse(out.contains(real), real + " in\n" + out);
        }
        assertTrue(out.contains("::1.631") && out.contains("*.80") && out.contains("*.*"), out);
        // a cut IPv6 address stays as long as netstat's column made it
        assertTrue(Pattern.compile(" fd[0-9a-f]{2}:[0-9a-f]{4}:[0-9a-f]{4}:[0-9a-f]\\.5 ").matcher(out).find(), out);
        // two hosts of one /24 stay in one /24
        Matcher a = Pattern.compile("(10\\.\\d+\\.\\d+)\\.\\d+\\.22 +(10\\.\\d+\\.\\d+)\\.\\d+\\.51234").matcher(out);
        assertTrue(a.find(), out);
        assertEquals(a.group(1), a.group(2));
        Reading r = NetstatConnectionsParser.parse(SourceText.of(out).lines()).value();
        assertEquals(1, r.states().get(TcpState.SYN_RCVD));
        assertEquals(2, r.states().get(TcpState.ESTABLISHED));
    }

    @Test
    void procNetTcpHexIsReplacedInPlaceAndStillParses() {
        String lab = "linux/6.18-lab-synflood";
        String tcp = Fixtures.read(lab + "/proc/net/tcp");
        String tcp6 = Fixtures.read(lab + "/proc/net/tcp6");
        Redactor r = new Redactor(new Pseudonyms(KEY), List.of(), ByteOrder.LITTLE_ENDIAN, "host-abcdef");
        r.learn("proc/net/tcp", tcp);
        r.learn("proc/net/tcp6", tcp6);
        String out = r.redact("proc/net/tcp", tcp);
        String out6 = r.redact("proc/net/tcp6", tcp6);
        assertEquals(tcp.length(), out.length());
        assertEquals(tcp6.length(), out6.length());
        assertFalse(out.contains("0100630A") || out.contains("0200630A"), "10.99.0.1 and .2 in hex");
        assertNotEquals(tcp, out);
        Reading before = ProcNetTcpParser.parse(new SourceText(List.of(RawPart.of("/proc/net/tcp", tcp),
                RawPart.of("/proc/net/tcp6", tcp6)))).value();
        Reading after = ProcNetTcpParser.parse(new SourceText(List.of(RawPart.of("/proc/net/tcp", out),
                RawPart.of("/proc/net/tcp6", out6)))).value();
        assertEquals(before.states(), after.states());
        assertEquals(before.synRecvByPort(), after.synRecvByPort());
        AddressCount top = after.remotes().get(TcpState.SYN_RCVD).get(0);
        assertEquals(129, top.count());
        assertTrue(top.address().startsWith("10.") && !top.address().equals("10.99.0.1"), top.address());
        // header and the other columns are untouched
        assertEquals(tcp.lines().findFirst(), out.lines().findFirst());
    }

    @Test
    void theHexFormFollowsTheMachinesByteOrder() {
        byte[] a = Ip.parseV4("10.99.0.2").orElseThrow();
        assertEquals("0200630A", Redactor.toProcHex(a, ByteOrder.LITTLE_ENDIAN));
        assertEquals("0A630002", Redactor.toProcHex(a, ByteOrder.BIG_ENDIAN));
        byte[] mapped = Ip.toMapped(a);
        assertEquals("0000000000000000FFFF00000200630A", Redactor.toProcHex(mapped, ByteOrder.LITTLE_ENDIAN));
        assertEquals(Ip.format(mapped), Ip.format(Redactor.fromProcHex("0000000000000000FFFF00000200630A",
                ByteOrder.LITTLE_ENDIAN)));
    }

    @Test
    void hostNamesAreMaskedOutsideProcFiles() {
        Redactor r = redactor();
        assertEquals("ssh: connect to host-abcdef.invalid port 22 from host-abcdef",
                r.redact("cmd/x.err", "ssh: connect to web1.corp.example.org port 22 from web1"));
        assertEquals("web1x web-1 prefix-web1-suffix", r.redact("cmd/x.err", "web1x web-1 prefix-web1-suffix"));
    }

    @Test
    void timesCountersAndVersionsAreNotAddresses() {
        String text = "Status: Enabled for 0 days 01:02:03           Debug: Urgent\n"
                + "Linux 6.18.44 #1 SMP  Tcp: 1 200 120000 -1 1234 5678\n"
                + "tx 00000000:00000000 00:00000000 state 0A\n"
                + "net.inet.tcp.syncache.hashsize: 512\n";
        assertEquals(text, one(text));
    }
}
