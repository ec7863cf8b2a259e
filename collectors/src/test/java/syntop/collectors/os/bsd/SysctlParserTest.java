package syntop.collectors.os.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import syntop.collectors.model.CounterId;
import syntop.collectors.model.Reading;
import syntop.collectors.parse.Parsed;

class SysctlParserTest {

    private static Parsed<Reading> parse(String fixture) {
        return SysctlParser.parse(Fixtures.lines(fixture));
    }

    @Test
    void freeBsd12SyncacheAndMultiLineValue() {
        Parsed<Reading> p = parse("freebsd/12.1-jc/cmd/sysctl-net.inet.tcp.txt");
        assertEquals(List.of(), p.unparsed());
        Map<String, String> t = p.value().tunables();
        assertEquals(119, t.size());
        assertEquals("0", t.get("net.inet.tcp.syncache.count"));
        assertEquals("15364", t.get("net.inet.tcp.syncache.cachelimit"));
        assertEquals("30", t.get("net.inet.tcp.syncache.bucketlimit"));
        assertEquals("1", t.get("net.inet.tcp.syncookies"));
        assertEquals("0", t.get("net.inet.tcp.syncookies_only"));
        assertEquals("30000", t.get("net.inet.tcp.msl"));
        assertEquals("Stack                           D Alias                            PCB count\n"
                + "freebsd                         * freebsd                          4", t.get("net.inet.tcp.functions_available"));
        assertEquals("freebsd", t.get("net.inet.tcp.functions_default")); // the line after the blank one is a key again
        assertEquals(0, p.value().counters().get(CounterId.SYNCACHE_ENTRIES).orElseThrow());
        assertEquals(15364, p.value().counters().get(CounterId.SYNCACHE_LIMIT).orElseThrow());
    }

    @Test
    void macOs1014HasNoSyncache() {
        Parsed<Reading> p = parse("macos/10.14.6-jc/cmd/sysctl-net.inet.tcp.txt");
        assertEquals(List.of(), p.unparsed());
        assertEquals(95, p.value().tunables().size());
        assertEquals("1", p.value().tunables().get("net.inet.tcp.disable_access_to_stats"));
        assertEquals("15000", p.value().tunables().get("net.inet.tcp.msl"));
        assertEquals("1", p.value().tunables().get("net.inet.tcp.drop_synfin"));
        assertFalse(p.value().counters().has(CounterId.SYNCACHE_LIMIT));
    }

    @Test
    void macOsEmptyValueAndValueWithBlanks() {
        Parsed<Reading> empty = parse("macos/13ish-arm64-archspec95/cmd/sysctl-a.txt");
        assertEquals(List.of(), empty.unparsed());
        assertEquals("", empty.value().tunables().get("net.inet.tcp.fastopen_key"));
        assertEquals("60000", empty.value().tunables().get("net.inet.tcp.fin_timeout"));
        assertEquals("10", empty.value().tunables().get("net.inet.tcp.fastopen_backlog"));
        Parsed<Reading> blanks = parse("macos/12ish-arm64-dart47511/cmd/sysctl-a.txt");
        assertEquals(List.of(), blanks.unparsed());
        String usage = blanks.value().tunables().get("net.inet.tcp.log.enable_usage");
        assertTrue(usage.startsWith("connection:0x1 rtt:0x2 ka:0x4 "), usage);
        assertFalse(usage.endsWith(" "));
        Parsed<Reading> bigSur = parse("macos/11-arm64-archspec38/cmd/sysctl-a.txt");
        assertEquals("7", bigSur.value().tunables().get("net.inet.tcp.tw_pcbcount"));
    }

    @Test
    void requestedKeysThatAreNotPrintedAreNamed() {
        Parsed<Reading> p = SysctlParser.parse(List.of("kern.ipc.somaxconn: 128", "net.inet.tcp.msl: 15000"),
                List.of("kern.ipc.somaxconn", "net.inet.tcp.msl", "net.inet.tcp.fin_timeout", "net.inet.tcp.syncache"));
        assertEquals(List.of("asked for but not printed (unknown keys go to stderr): net.inet.tcp.fin_timeout, net.inet.tcp.syncache"), p.notes());
        Parsed<Reading> subtree = SysctlParser.parse(List.of("net.inet.tcp.syncache.count: 12"), List.of("net.inet.tcp.syncache"));
        assertEquals(List.of(), subtree.notes());
        assertEquals(12, subtree.value().counters().get(CounterId.SYNCACHE_ENTRIES).orElseThrow());
    }

    @Test
    void oldStyleEqualsSeparator() {
        Parsed<Reading> p = SysctlParser.parse(List.of("kern.maxfiles = 12288", "kern.hostname =", "user.cs_path = /usr/bin:/bin"));
        assertEquals(List.of(), p.unparsed());
        assertEquals(Map.of("kern.maxfiles", "12288", "kern.hostname", "", "user.cs_path", "/usr/bin:/bin"), p.value().tunables());
    }

    @Test
    void linuxFileIsNotRead() {
        Parsed<Reading> p = SysctlParser.parse(Fixtures.lines("linux/node_exporter/proc/net/snmp"));
        assertTrue(p.inputNotUnderstood());
        assertTrue(p.value().tunables().isEmpty());
        Parsed<Reading> error = SysctlParser.parse(List.of("sysctl: unknown oid 'net.inet.tcp.nope'"));
        assertTrue(error.inputNotUnderstood());
    }
}
